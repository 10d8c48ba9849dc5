// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Api;

/// <summary>A job's results list and each result file, served with its MIME type and range requests.</summary>
public static class ResultEndpoints
{
    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder app)
    {
        var job = app.MapJobGroup();
        job.MapGet("/results", GetResults);
        job.MapGet("/results/{**resultId}", (OwnedJob owned, string resultId, HttpContext context, JobManager manager) =>
            Send(context, manager, owned.Job, resultId));
        return app;
    }

    public static UwsDocument GetResults(OwnedJob owned, HttpContext context) =>
        UwsDocument.Results(JobDocuments.Results(JobDocuments.JobUrl(context.Request, owned.Service.Name, owned.Job.Id), owned.Job));

    /// <summary>A result of a job the caller may read: the file, or a CSV/TSV table as a VOTable when asked for.</summary>
    public static Results<PhysicalFileHttpResult, TableAsVotable, ContentHttpResult> Send(HttpContext context, JobManager manager, Job job, string resultId)
    {
        var result = job.Results.FirstOrDefault(r => r.Id == resultId)
            ?? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"The job has no result '{resultId}'.");
        var path = manager.Workspace(job.Id).Resolve(result.RelativePath);
        if (path is null || !File.Exists(path))
        {
            return PlainText.NotFound($"The file of result '{resultId}' is no longer there.");
        }

        if (TableAsVotable.IsTable(result.MimeType) && TableAsVotable.Wanted(context.Request, result.MimeType))
        {
            var declared = manager.Catalog.Find(job.Service)?.Results.FirstOrDefault(r => r.Name == resultId);
            return new TableAsVotable(path, result.MimeType, resultId, declared?.Description, declared?.Columns ?? []);
        }

        return FileDownload.Send(context, path, result.MimeType);
    }
}
