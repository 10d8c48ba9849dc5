// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Protocol.Dali;

namespace Meridian.Server.DataLink;

/// <summary>
/// The links of one job, in DataLink's vocabulary: its results (#this; an image beside a data result is its
/// #preview; stdout and stderr #auxiliary), its uploads (#progenitor, the data it was made from) and, once it
/// has ended, its provenance (#auxiliary, local semantics "provenance").
/// </summary>
public static class JobLinks
{
    private static readonly string[] Logs = ["stdout", "stderr"];

    public static IReadOnlyList<DataLinkRow> For(ServiceDefinition service, Job job, JobWorkspace workspace, string jobUrl)
    {
        var rows = new List<DataLinkRow>();
        var data = job.Results.Where(r => !Logs.Contains(r.Id) && !IsImage(r.MimeType)).ToList();
        foreach (var result in job.Results)
        {
            var url = $"{jobUrl}/results/{Uri.EscapeDataString(result.Id)}";
            var description = service.Results.FirstOrDefault(d => d.Name == result.Id)?.Description ?? $"the result {result.Id}";
            var semantics = Logs.Contains(result.Id) ? "#auxiliary" : IsImage(result.MimeType) && data.Count > 0 ? "#preview" : "#this";
            rows.Add(new DataLinkRow(jobUrl, url, semantics, Logs.Contains(result.Id) ? $"the program's {result.Id}" : description, result.MimeType, result.Size)
            {
                LocalSemantics = Logs.Contains(result.Id) ? result.Id : null,
            });
        }

        foreach (var parameter in job.Parameters.Where(p => p.Upload is not null))
        {
            var upload = parameter.Upload!;
            var size = workspace.Resolve(upload.RelativePath) is { } path && File.Exists(path) ? new FileInfo(path).Length : upload.Size;
            rows.Add(new DataLinkRow(jobUrl, $"{jobUrl}/parameters/{Uri.EscapeDataString(parameter.Name)}", "#progenitor",
                $"the uploaded {parameter.Name}{(upload.FileName.Length > 0 ? $" ({upload.FileName})" : "")}", upload.ContentType ?? "application/octet-stream", size));
        }

        if (PhaseTransitions.IsTerminal(job.Phase))
        {
            rows.Add(new DataLinkRow(jobUrl, $"{jobUrl}/provenance", "#auxiliary", "the job's provenance (W3C PROV-JSON; ?format=provn for PROV-N)", "application/json", null)
            {
                LocalSemantics = "provenance",
            });
        }

        return rows;
    }

    private static bool IsImage(string mimeType) => mimeType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !mimeType.Contains("fits", StringComparison.OrdinalIgnoreCase);
}
