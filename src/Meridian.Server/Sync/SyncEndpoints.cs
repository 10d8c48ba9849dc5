// SPDX-License-Identifier: MIT
using Meridian.Engine;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Api;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Meridian.Server.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Sync;

/// <summary>
/// /sync/{service}: one request runs a job and answers with its main result, for quick codes. The job is an
/// ordinary UWS job underneath (same binding, limits and errors; it stays listed until its destruction time),
/// and every answer names it in a Link header, so nothing a sync run produced is out of reach.
/// </summary>
public static class SyncEndpoints
{
    public static IEndpointRouteBuilder MapSync(this IEndpointRouteBuilder app)
    {
        var sync = app.MapSyncGroup();
        sync.MapGet("", RunAsync);
        sync.MapPost("", RunAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// 200 with the main result when the job completes within MaxWaitSeconds; 303 to the job (which goes on)
    /// when it does not; 422 (or 503 for a transient failure) with the error summary when it fails; 409 when
    /// it was aborted.
    /// </summary>
    public static async Task<Results<SyncResult, StillRunning, ContentHttpResult>> RunAsync(
        RequestedService service, Caller caller, HttpContext context, JobManager manager, IOptions<MeridianOptions> options, TimeProvider time)
    {
        var definition = service.Definition;
        var query = context.Request.Query.SelectMany(pair => pair.Value.Select(value => new FormField(pair.Key, value ?? "")));
        var (created, refusal) = await JobCreation.CreateAsync(context, caller, manager, definition, query,
            control => control.Command is not (null or PhaseCommand.Run) || control.Action is not null
                ? "A synchronous job runs at once: PHASE and ACTION are not taken here (use /uws for job control)."
                : null,
            run: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var job = created!;
        var jobUrl = JobDocuments.JobUrl(context.Request, definition.Name, job.Id);
        context.Response.Headers.Link = $"<{jobUrl}>; rel=\"related\"";

        // The job is not tied to this request: if the client leaves, the job goes on as any async job does.
        var deadline = time.GetUtcNow().AddSeconds(options.Value.MaxWaitSeconds);
        while (job.Phase.IsActive() && time.GetUtcNow() < deadline)
        {
            var seconds = (int)Math.Ceiling((deadline - time.GetUtcNow()).TotalSeconds);
            job = await manager.WaitAsync(job, Math.Max(1, seconds), null, context.RequestAborted)
                ?? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"Job '{job.Id}' was destroyed while running.");
        }

        return job.Phase switch
        {
            ExecutionPhase.COMPLETED when MainResult(definition, job, jobUrl, manager) is { } result => result,
            ExecutionPhase.COMPLETED => PlainText.NotFound($"The job completed without producing a result; see {jobUrl}."),
            ExecutionPhase.ERROR when job.Error?.Type == ErrorType.Transient => PlainText.Status(StatusCodes.Status503ServiceUnavailable, Failure(job, jobUrl)),
            ExecutionPhase.ERROR => PlainText.Status(StatusCodes.Status422UnprocessableEntity, Failure(job, jobUrl)),
            ExecutionPhase.ABORTED => PlainText.Status(StatusCodes.Status409Conflict, Failure(job, jobUrl)),
            _ => new StillRunning(jobUrl, options.Value.MaxWaitSeconds),
        };
    }

    /// <summary>The first declared result the job produced (results are collected in declared order), else its stdout; null when there is neither.</summary>
    private static SyncResult? MainResult(ServiceDefinition definition, Job job, string jobUrl, JobManager manager)
    {
        var result = (definition.Results.Count > 0 ? job.Results.FirstOrDefault(r => !ResultDefinition.ReservedNames.Contains(r.Id)) : null)
            ?? job.Results.FirstOrDefault(r => r.Id == "stdout");
        var path = result is null ? null : manager.Workspace(job.Id).Resolve(result.RelativePath);
        return result is null || path is null || !File.Exists(path) ? null : new SyncResult(path, result.MimeType, $"{jobUrl}/results/{string.Join('/', result.Id.Split('/').Select(Uri.EscapeDataString))}");
    }

    private static string Failure(Job job, string jobUrl) =>
        $"The job {job.Phase.ToWire()}: {job.Error?.Message ?? "no reason was recorded"} (details: {jobUrl}/error)";
}
