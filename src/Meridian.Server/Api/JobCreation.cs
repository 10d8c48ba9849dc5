// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Meridian.Server.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Api;

/// <summary>
/// The one way a request creates a job, for POST /uws/{service} and /sync/{service}: the form and its uploads read
/// (bounded), the parameters bound and checked, the job-control words the endpoint does not take refused, the
/// owner's quota checked, and the job stored under its owner (and queued when it is to run).
/// </summary>
public static class JobCreation
{
    /// <summary>A new job, or the 400 that says why none was made (a quota refusal is thrown as a 429).</summary>
    /// <param name="leading">Fields read before the form's (a synchronous run also takes the query string's).</param>
    /// <param name="refuseControl">Why the endpoint does not take the request's PHASE or ACTION, or null.</param>
    /// <param name="run">Whether the job is queued at once whatever PHASE says.</param>
    public static async Task<(Job? Job, ContentHttpResult? Refusal)> CreateAsync(
        HttpContext context, Caller caller, JobManager manager, ServiceDefinition definition,
        IEnumerable<FormField> leading, Func<JobControl, string?> refuseControl, bool run)
    {
        var (formFields, files) = await RequestForms.ReadAsync(context.Request, context.RequestAborted);
        var (fields, uploads) = await FileReferences.ResolveAsync(context, definition, [.. leading, .. formFields], files);
        var bound = ParameterBinder.BindCreation(definition, fields, uploads);
        if (!bound.IsValid)
        {
            return (null, PlainText.BadRequest(string.Join("; ", bound.Errors)));
        }

        if (refuseControl(bound.Control) is { } reason)
        {
            return (null, PlainText.BadRequest(reason));
        }

        await context.RequestServices.GetRequiredService<QuotaGuard>().EnsureRoomForJobAsync(caller, bound.Uploads, context.RequestAborted);
        var request = run ? bound with { Control = bound.Control with { Command = PhaseCommand.Run } } : bound;
        var job = await manager.CreateAsync(definition, request, caller.OwnerId, context.RequestAborted);
        AdjustedValues.Report(context.Response, definition, bound.Control, job);
        return (job, null);
    }
}
