// SPDX-License-Identifier: MIT
using Meridian.Engine.Lifecycle;
using Meridian.Protocol.Dali;
using Meridian.Server.Api;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Microsoft.Extensions.Options;

namespace Meridian.Server.DataLink;

/// <summary>
/// DataLink 1.1 for jobs: {job}/links, and the standard form /links?ID=… (one or more job URLs, or
/// service/jobId), which /capabilities advertises; each job's document points to its links in a Link header.
/// </summary>
public static class DataLinkEndpoints
{
    public const string StandardId = "ivo://ivoa.net/std/DataLink#links-1.1";

    public static IEndpointRouteBuilder MapDataLinks(this IEndpointRouteBuilder app)
    {
        app.MapJobGroup().MapGet("/links", (OwnedJob owned, HttpContext context, JobManager manager, IOptions<AuthSettings> auth) =>
        {
            var (definition, job) = owned;
            return Links(JobLinks.For(definition, job, manager.Workspace(job.Id), JobDocuments.JobUrl(context.Request, definition.Name, job.Id)), auth.Value.Enabled);
        });
        app.MapGet("/links", LinksByIdAsync);
        return app;
    }

    private static async Task<IResult> LinksByIdAsync(HttpContext context, JobManager manager, IOptions<AuthSettings> auth)
    {
        var ids = context.Request.Query["ID"];
        if (ids.Count == 0)
        {
            return PlainText.BadRequest("ID: give the job to link, as its URL or as service/jobId (repeat ID for several).");
        }

        var rows = new List<DataLinkRow>();
        foreach (var id in ids)
        {
            var segments = (Uri.TryCreate(id, UriKind.Absolute, out var url) ? url.AbsolutePath[(context.Request.PathBase.Value?.Length ?? 0)..] : id ?? "")
                .Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 2)
            {
                return PlainText.BadRequest($"ID: '{id}' names no job (give its URL, or service/jobId).");
            }

            var (definition, job) = await JobLookup.JobAsync(manager, context, Uri.UnescapeDataString(segments[^2]), segments[^1]);
            rows.AddRange(JobLinks.For(definition, job, manager.Workspace(job.Id), JobDocuments.JobUrl(context.Request, definition.Name, job.Id)));
        }

        return Links(rows, auth.Value.Enabled);
    }

    private static IResult Links(IReadOnlyList<DataLinkRow> rows, bool authenticated)
    {
        using var buffer = new MemoryStream();
        DataLinkWriter.Write(buffer, rows, authenticated);
        return Results.Bytes(buffer.ToArray(), DataLinkWriter.MediaType);
    }
}
