// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Server.Provenance;

/// <summary>
/// Gathers a finished job's provenance from its stored record and its folder. The hashes are of the files as
/// they are now; nothing changes a finished job's inputs or results, so they are the files the job used and made.
/// </summary>
public static class ProvenanceBuilder
{
    public static async Task<ProvenanceRecord> BuildAsync(ServiceDefinition service, Job job, JobWorkspace workspace, string serverUrl, string jobUrl, CancellationToken cancellationToken)
    {
        var used = new List<ProvEntity>();
        foreach (var parameter in job.Parameters.Where(p => p.Upload is not null))
        {
            var upload = parameter.Upload!;
            if (await HashAsync(workspace, upload.RelativePath, cancellationToken) is { } hash)
            {
                used.Add(new ProvEntity($"parameters/{Local(parameter.Name)}", upload.FileName, $"{jobUrl}/parameters/{Uri.EscapeDataString(parameter.Name)}",
                    hash.Sha256, hash.Size, upload.ContentType, parameter.Name));
            }
        }

        var generated = new List<ProvEntity>();
        foreach (var result in job.Results)
        {
            if (await HashAsync(workspace, result.RelativePath, cancellationToken) is { } hash)
            {
                generated.Add(new ProvEntity($"results/{Local(result.Id)}", result.Id,
                    $"{jobUrl}/results/{string.Join('/', result.Id.Split('/').Select(Uri.EscapeDataString))}", hash.Sha256, hash.Size, result.MimeType, result.Id));
            }
        }

        var parameters = job.Parameters.Where(p => p.Upload is null).SelectMany(p => p.Values.Select(v => (p.Name, v))).ToList();
        var activity = new ProvActivity("run", service.Name, job.Phase.ToWire(), job.StartTime, job.EndTime, parameters, job.Error?.Message);
        var owner = job.OwnerId ?? "anonymous";
        return new ProvenanceRecord(jobUrl, serverUrl, activity, used, generated,
            new ProvAgent($"owner/{Local(owner)}", owner, "prov:Person"),
            new ProvAgent($"describe/{Local(service.Name)}", service.Title, "prov:SoftwareAgent") { Version = service.Version });
    }

    /// <summary>A local name safe in PROV-N and JSON keys: letters, digits and . _ - / only.</summary>
    public static string Local(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' ? c : '_'));

    private static async Task<(string Sha256, long Size)?> HashAsync(JobWorkspace workspace, string relativePath, CancellationToken cancellationToken)
    {
        var path = workspace.Resolve(relativePath);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(file, cancellationToken);
        return (Convert.ToHexStringLower(hash), file.Length);
    }
}
