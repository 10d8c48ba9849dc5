// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Api;

/// <summary>
/// A job and the requests that change it: GET (with WAIT), POST of job control or parameters, DELETE,
/// and POST to its phase, executionduration, destruction and parameters children. Every change answers 303.
/// </summary>
public static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var job = app.MapJobGroup();
        job.MapGet("", GetJobAsync);
        job.MapPost("", PostJobAsync).DisableAntiforgery();
        job.MapDelete("", DeleteJobAsync);
        job.MapPost("/phase", PostChildAsync).WithMetadata(new ChildControl("PHASE")).DisableAntiforgery();
        job.MapPost("/executionduration", PostChildAsync).WithMetadata(new ChildControl("EXECUTIONDURATION")).DisableAntiforgery();
        job.MapPost("/destruction", PostChildAsync).WithMetadata(new ChildControl("DESTRUCTION")).DisableAntiforgery();
        job.MapPost("/parameters", PostChildAsync).WithMetadata(new ChildControl(null)).DisableAntiforgery();
        return app;
    }

    public static async Task<Results<UwsDocument, ContentHttpResult>> GetJobAsync(OwnedJob owned, HttpContext context, JobManager manager)
    {
        var job = owned.Job;
        // DataLink clients find the job's links from its document (RFC 8288 web linking).
        context.Response.Headers.Link = $"<{JobDocuments.JobUrl(context.Request, job.Service, job.Id)}/links>; rel=\"alternate\"; type=\"{Protocol.Dali.DataLinkWriter.MediaType}\"";
        var query = context.Request.Query;
        if (query.ContainsKey("WAIT"))
        {
            var wait = query["WAIT"];
            if (wait.Count != 1 || !int.TryParse(wait[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) || seconds < -1)
            {
                return PlainText.BadRequest($"WAIT: '{wait}' is not a whole number of seconds (-1 waits as long as the server allows).");
            }

            ExecutionPhase? phase = null;
            if (query.TryGetValue("PHASE", out var phaseText))
            {
                if (phaseText.Count != 1 || !ExecutionPhases.TryParse(phaseText[0], out var parsed))
                {
                    return PlainText.BadRequest($"PHASE: '{phaseText}' is not a UWS phase.");
                }

                phase = parsed;
            }

            job = await manager.WaitAsync(job, seconds, phase, context.RequestAborted, owned.GenerationBeforeRead)
                ?? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"Job '{job.Id}' was destroyed while waiting.");
        }

        return UwsDocument.Job(JobDocuments.Summary(context.Request, job, ProgressFile.Read(manager.Workspace(job.Id))));
    }

    public static async Task<SeeOther> DeleteJobAsync(OwnedJob owned, HttpContext context, JobManager manager)
    {
        await manager.DestroyAsync(owned.Job.Id, context.RequestAborted);
        return new SeeOther(JobDocuments.JobListUrl(context.Request, owned.Service.Name));
    }

    /// <summary>POST {job}: ACTION=DELETE, or any of PHASE, EXECUTIONDURATION, DESTRUCTION and parameter changes.</summary>
    public static async Task<Results<SeeOther, ContentHttpResult>> PostJobAsync(OwnedJob owned, HttpContext context, JobManager manager)
    {
        var bound = await BindAsync(owned.Service, context);
        if (bound.Control.Action == JobAction.Delete)
        {
            return await DeleteJobAsync(owned, context, manager);
        }

        return await ApplyAsync(owned, bound, context, manager);
    }

    /// <summary>POST to a child resource: only that child's control value (or, for parameters, only parameters) is accepted.</summary>
    public static async Task<Results<SeeOther, ContentHttpResult>> PostChildAsync(OwnedJob owned, HttpContext context, JobManager manager)
    {
        var bound = await BindAsync(owned.Service, context);
        var control = context.GetEndpoint()!.Metadata.GetRequiredMetadata<ChildControl>().Name;
        var controls = new (string Name, bool Given)[]
        {
            ("PHASE", bound.Control.Command is not null), ("EXECUTIONDURATION", bound.Control.ExecutionDuration is not null),
            ("DESTRUCTION", bound.Control.Destruction is not null), ("ACTION", bound.Control.Action is not null),
            ("RUNID", bound.Control.RunId is not null),
        };
        var stray = controls.Where(c => c.Given && c.Name != control).Select(c => c.Name).ToList();
        if (stray.Count > 0 || (control is not null && bound.Parameters.Count + bound.Uploads.Count > 0))
        {
            return PlainText.BadRequest(control is null
                ? $"{context.Request.Path} takes parameters only; send {string.Join(", ", stray)} to the job itself."
                : $"{context.Request.Path} takes {control} only.");
        }

        if (control is not null && !controls.Any(c => c.Name == control && c.Given))
        {
            return PlainText.BadRequest($"{control} is missing.");
        }

        return await ApplyAsync(owned, bound, context, manager);
    }

    private static async Task<BoundRequest> BindAsync(ServiceDefinition definition, HttpContext context)
    {
        var (fields, files) = await RequestForms.ReadAsync(context.Request, context.RequestAborted);
        (fields, files) = await FileReferences.ResolveAsync(context, definition, fields, files);
        var bound = ParameterBinder.BindUpdate(definition, fields, files);
        return bound.IsValid ? bound : throw new RequestRejectedException(StatusCodes.Status400BadRequest, string.Join("; ", bound.Errors));
    }

    /// <summary>Applies parameters first (they need PENDING), then duration and destruction, then the phase change.</summary>
    private static async Task<Results<SeeOther, ContentHttpResult>> ApplyAsync(OwnedJob owned, BoundRequest bound, HttpContext context, JobManager manager)
    {
        var (definition, job) = owned;
        var cancellationToken = context.RequestAborted;
        if (bound.Control.RunId is not null)
        {
            return PlainText.Forbidden("RUNID is given when the job is created; it cannot change afterwards.");
        }

        if (bound.Parameters.Count + bound.Uploads.Count > 0 && ParameterBinder.CheckUpdate(definition, job.Parameters, bound) is [_, ..] broken)
        {
            return PlainText.BadRequest(string.Join("; ", broken));
        }

        if (bound.Parameters.Count + bound.Uploads.Count > 0 && await manager.UpdateParametersAsync(definition, job, bound, cancellationToken) is { } refusedParameters)
        {
            return PlainText.Forbidden(refusedParameters.Reason);
        }

        if (bound.Control.ExecutionDuration is { } seconds && await manager.SetExecutionDurationAsync(definition, job, seconds, cancellationToken) is { } refusedDuration)
        {
            return PlainText.Forbidden(refusedDuration.Reason);
        }

        if (bound.Control.Destruction is { } destruction)
        {
            await manager.SetDestructionAsync(definition, job, destruction, cancellationToken);
        }

        var refusal = bound.Control.Command switch
        {
            PhaseCommand.Run => await manager.RunAsync(job, cancellationToken),
            PhaseCommand.Abort => await manager.AbortAsync(job, cancellationToken),
            _ => null,
        };
        return refusal is null
            ? new SeeOther(JobDocuments.JobUrl(context.Request, definition.Name, job.Id))
            : PlainText.Forbidden(refusal.Reason);
    }

    /// <summary>Which job-control value a child resource accepts (null: parameters only).</summary>
    private sealed record ChildControl(string? Name);
}
