// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Api;
using Meridian.Server.Auth;
using Meridian.Server.Http;

namespace Meridian.Server.Web;

/// <summary>
/// GET /api/jobs: the caller's jobs of every service (or one), newest first, by keyset pages. UWS lists jobs one
/// service at a time; the browser's list spans them, so each service's list gives its newest rows past the cursor
/// and the merge keeps a page's worth. A page costs the same however deep it is.
/// </summary>
public static class JobBrowsingEndpoints
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapJobBrowsing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs", ListAsync);
        return app;
    }

    public static async Task<IResult> ListAsync(Caller caller, HttpContext context, JobManager manager)
    {
        var query = context.Request.Query;
        var services = string.IsNullOrEmpty(query["service"])
            ? manager.Catalog.Services.Select(s => s.Name).ToList()
            : [JobLookup.Service(manager, query["service"]!).Name];
        var phases = ReadPhase(query["phase"]);
        var size = ReadSize(query["last"]);
        var cursor = ReadCursor(query["before"], query["beforeId"]);

        var rows = new List<JobListEntry>();
        foreach (var service in services)
        {
            var filter = new JobListFilter(service)
            {
                AnyOwner = false,
                OwnerId = caller.OwnerId,
                Phases = phases,
                Before = cursor,
                Last = size + 1,
            };
            rows.AddRange(await manager.ListAsync(filter, context.RequestAborted));
        }

        // The stores' order: newest first, ties broken by the larger id first.
        var page = rows.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(size + 1).ToList();
        var last = page.Count > size ? page[size - 1] : null;
        var jobs = new List<object>();
        foreach (var row in page.Take(size))
        {
            jobs.Add(await RowAsync(context, manager, row));
        }

        return Results.Json(new
        {
            jobs,
            next = last is null ? null : new { before = last.CreationTime.ToString("o", CultureInfo.InvariantCulture), beforeId = last.Id },
        }, JsonSerializerOptions.Web);
    }

    // A list entry carries what a uws:jobref does; the page also shows how long each job ran and the values of
    // its service's key parameters, which only the job itself holds (one read each, a page at most 200).
    private static async Task<object> RowAsync(HttpContext context, JobManager manager, JobListEntry row)
    {
        var definition = manager.Catalog.Find(row.Service);
        var job = definition is null ? null
            : await manager.GetAsync(definition, row.Id, Caller.Of(context).OwnerId, context.RequestAborted, anyOwner: true);
        var keys = definition?.KeyParameters ?? [];
        return new
        {
            service = row.Service,
            id = row.Id,
            phase = (job?.Phase ?? row.Phase).ToWire(),
            runId = row.RunId,
            creationTime = UwsTime.Format(row.CreationTime),
            startTime = job?.StartTime is { } start ? UwsTime.Format(start) : null,
            endTime = job?.EndTime is { } end ? UwsTime.Format(end) : null,
            parameters = keys.ToDictionary(key => key, key => KeyValue(job?.Parameters.FirstOrDefault(p => p.Name == key))),
            href = JobDocuments.JobUrl(context.Request, row.Service, row.Id),
        };
    }

    // A list as its values joined by spaces, an upload by the name its file was sent with; null when not given.
    private static string? KeyValue(JobParameter? parameter) =>
        parameter is null ? null : parameter.Upload?.FileName ?? string.Join(" ", parameter.Values);

    private static HashSet<ExecutionPhase>? ReadPhase(string? text) =>
        string.IsNullOrEmpty(text) ? null
        : ExecutionPhases.TryParse(text, out var phase) ? [phase]
        : throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"phase: '{text}' is not a UWS phase.");

    private static int ReadSize(string? text) =>
        string.IsNullOrEmpty(text) ? DefaultPageSize
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is > 0 and <= MaxPageSize ? size
        : throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"last: '{text}' is not an integer from 1 to {MaxPageSize}.");

    private static JobListCursor? ReadCursor(string? before, string? beforeId)
    {
        if (string.IsNullOrEmpty(before) && string.IsNullOrEmpty(beforeId))
        {
            return null;
        }

        return DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && !string.IsNullOrEmpty(beforeId)
            ? new JobListCursor(time, beforeId)
            : throw new RequestRejectedException(StatusCodes.Status400BadRequest, "before and beforeId: the cursor of a previous page (its 'next').");
    }
}
