// SPDX-License-Identifier: MIT
using System.IO.Compression;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Http;

namespace Meridian.Server.Api;

/// <summary>
/// GET {job}/results.zip: every result of a job in one ZIP archive, streamed as it is written (nothing staged on
/// disk), for the job's owner only like every job URL. Each file is read only when it resolves inside the job's
/// folder, and each entry is named by its result id, so no name in the archive can point outside where it is unpacked.
/// </summary>
public static class ResultArchiveEndpoints
{
    public static IEndpointRouteBuilder MapResultArchive(this IEndpointRouteBuilder app)
    {
        app.MapJobGroup().MapGet("/results.zip", GetArchiveAsync);
        return app;
    }

    public static async Task<IResult> GetArchiveAsync(string service, string jobId, HttpContext context, JobManager manager)
    {
        var (_, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        var workspace = manager.Workspace(job.Id);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = job.Results
            .Select(result => (Name: Unique(EntryName(result), names), Path: workspace.Resolve(result.RelativePath)))
            .Where(file => file.Path is not null && File.Exists(file.Path))
            .ToList();
        if (files.Count == 0)
        {
            return PlainText.NotFound(job.Results.Count == 0
                ? $"Job '{job.Id}' has no results yet (phase {job.Phase}): the archive is made once it has some."
                : $"The files of job '{job.Id}''s results are no longer there.");
        }

        FileDownload.Protect(context.Response);
        return Results.Stream(async body =>
        {
            var cancellation = context.RequestAborted;
            await using var output = new SyncWriteBufferStream(body);
            await using (var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellation))
            {
                foreach (var (name, path) in files)
                {
                    // Results are mostly compressed already (FITS aside, PNG, gzip): speed over a few per cent.
                    var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                    entry.LastWriteTime = File.GetLastWriteTimeUtc(path!);
                    await using (var source = new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                    await using (var target = await entry.OpenAsync(cancellation))
                    {
                        await source.CopyToAsync(target, cancellation);
                    }

                    await output.DrainAsync(cancellation);
                }
            }

            await output.DrainAsync(cancellation);
        }, "application/zip", $"{job.Service}-{job.Id}-results.zip");
    }

    // Ids are unique, but "vis2" with its extension may meet a result named "vis2.csv".
    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{Path.ChangeExtension(name, null)}-{n}{Path.GetExtension(name)}";
        }

        return candidate;
    }

    /// <summary>
    /// The result's id, its path segments kept only when they are plain names, with the file's extension when the id
    /// has none (vis2 → vis2.csv): a name relative to the archive's root that cannot climb out of it.
    /// </summary>
    public static string EntryName(JobResult result)
    {
        var segments = result.Id.Split('/', '\\').Where(s => s.Length > 0 && s is not ("." or "..") && !s.Contains(':')).ToList();
        var name = segments.Count == 0 ? "result" : string.Join('/', segments);
        var extension = Path.GetExtension(result.RelativePath);
        return Path.HasExtension(segments.LastOrDefault() ?? "") || extension.Length == 0 ? name : name + extension;
    }
}
