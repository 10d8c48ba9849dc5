// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Meridian.Server.Api;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Meridian.Server.Limits;

namespace Meridian.Server.Sweeps;

/// <summary>
/// POST /api/sweeps/{service}: one submission, a set of jobs, one per value (or pair of values) of the swept
/// parameters, each an ordinary UWS job of the caller's with the common fields; GET /api/sweeps/{service}/{id}:
/// the set's jobs and their phases. Every job is bound before the first is made, so a value the service refuses
/// makes no job at all; the quota is checked before each job, as for jobs made one by one.
/// </summary>
public static class SweepEndpoints
{
    // Jobs made in the same millisecond are told apart by their labels, numbers in numeric order ("theta=2" before "theta=10").
    private static readonly StringComparer ValueOrder = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.NumericOrdering);

    public static IEndpointRouteBuilder MapSweeps(this IEndpointRouteBuilder app)
    {
        // The same policy as the service's job list: a signed-in caller, unless the service is anonymous.
        var sweeps = app.MapGroup("/api/sweeps/{service}").RequireAuthorization(ServiceAccess.Policy);
        sweeps.MapPost("", CreateAsync).DisableAntiforgery();
        sweeps.MapGet("/{sweepId}", GetAsync);
        return app;
    }

    public static async Task<IResult> CreateAsync(string service, HttpContext context, Caller caller, JobManager manager, QuotaGuard quota)
    {
        var definition = JobLookup.Service(manager, service);

        // Read as every creation reads its form: a file given as the URL of one of the caller's uploads or results
        // (the form's "run again") is copied in like an upload.
        var (formFields, formFiles) = await RequestForms.ReadAsync(context.Request, context.RequestAborted);
        var (fields, files) = await FileReferences.ResolveAsync(context, definition, formFields, formFiles);
        var plan = SweepPlan.TryRead(definition, fields, out var planError);
        if (plan is null)
        {
            return PlainText.BadRequest(planError!);
        }

        var common = fields.Where(f => !f.Name.Equals(SweepPlan.FieldName, StringComparison.OrdinalIgnoreCase)
            && !f.Name.Equals("RUNID", StringComparison.OrdinalIgnoreCase)).ToList();
        var label = fields.LastOrDefault(f => f.Name.Equals("RUNID", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
        var requests = new List<BoundRequest>();
        foreach (var values in plan.Combinations())
        {
            var named = string.Join(" ", values.Select(v => $"{v.Name}={v.Value}"));
            var runId = string.IsNullOrEmpty(label) ? named : $"{label} {named}";
            var bound = ParameterBinder.BindCreation(definition, [.. common, .. values.Select(v => new FormField(v.Name, v.Value)), new FormField("RUNID", runId)], files);
            if (!bound.IsValid)
            {
                return PlainText.BadRequest($"{named}: {string.Join("; ", bound.Errors)}");
            }

            if (bound.Control.Action is not null)
            {
                return PlainText.BadRequest("ACTION: a sweep creates jobs; delete them one by one");
            }

            requests.Add(bound);
        }

        var sweepId = JobId.New();
        var jobs = new List<Job>();
        foreach (var request in requests)
        {
            try
            {
                await quota.EnsureRoomForJobAsync(caller, request.Uploads, context.RequestAborted);
            }
            catch (RequestRejectedException refused) when (jobs.Count > 0)
            {
                throw new RequestRejectedException(refused.StatusCode,
                    $"{refused.Message} The sweep stopped after {jobs.Count} of its {requests.Count} jobs; those are in {SweepUrl(context.Request, definition.Name, sweepId)}.");
            }

            jobs.Add(await manager.CreateAsync(definition, request, caller.OwnerId, context.RequestAborted, sweepId));
        }

        context.Response.Headers.Location = SweepUrl(context.Request, definition.Name, sweepId);
        var entries = jobs.Select(j => new JobListEntry(j.Id, j.Service, j.Phase, j.RunId, j.OwnerId, j.CreationTime));
        return Results.Json(Describe(context.Request, definition.Name, sweepId, entries), JsonSerializerOptions.Web, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The store lists newest first; a sweep reads best in the order it was made.</summary>
    private static IEnumerable<JobListEntry> InOrderMade(IEnumerable<JobListEntry> jobs) =>
        jobs.OrderBy(j => j.CreationTime).ThenBy(j => j.RunId, ValueOrder);

    public static async Task<IResult> GetAsync(string service, string sweepId, HttpContext context, Caller caller, JobManager manager, IJobStore store)
    {
        var definition = JobLookup.Service(manager, service);

        var filter = new JobListFilter(definition.Name) { SweepId = sweepId, AnyOwner = false, OwnerId = caller.OwnerId };
        var jobs = await store.ListAsync(filter, context.RequestAborted);
        return jobs.Count == 0
            ? PlainText.NotFound($"No sweep '{sweepId}' of yours in {definition.Name} (its jobs may all have been destroyed).")
            : Results.Json(Describe(context.Request, definition.Name, sweepId, InOrderMade(jobs)), JsonSerializerOptions.Web);
    }

    public static string SweepUrl(HttpRequest request, string service, string sweepId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/sweeps/{Uri.EscapeDataString(service)}/{Uri.EscapeDataString(sweepId)}";

    private static object Describe(HttpRequest request, string service, string sweepId, IEnumerable<JobListEntry> jobs) => new
    {
        id = sweepId,
        service,
        href = SweepUrl(request, service, sweepId),
        jobs = jobs.Select(j => new
        {
            id = j.Id,
            runId = j.RunId,
            phase = j.Phase.ToWire(),
            href = JobDocuments.JobUrl(request, service, j.Id),
        }),
    };
}
