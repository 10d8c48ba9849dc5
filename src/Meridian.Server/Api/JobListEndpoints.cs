// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Api;

/// <summary>The job list of each service: /uws/{service}, read with PHASE, AFTER and LAST; POST creates a job.</summary>
public static class JobListEndpoints
{
    public static IEndpointRouteBuilder MapJobLists(this IEndpointRouteBuilder app)
    {
        var list = app.MapJobListGroup();
        list.MapGet("", ListJobs);
        list.MapPost("", CreateJobAsync).DisableAntiforgery();
        return app;
    }

    public static JobListDocument ListJobs(RequestedService service, Caller caller, HttpContext context, JobManager manager)
    {
        var definition = service.Definition;
        var filter = new JobListFilter(definition.Name)
        {
            AnyOwner = caller.IsAdmin,
            OwnerId = caller.OwnerId,
            Phases = ReadPhases(context.Request.Query["PHASE"]),
            After = ReadAfter(context.Request.Query["AFTER"]),
            Last = ReadLast(context.Request.Query["LAST"]),
        };
        return new JobListDocument(manager, filter, JobDocuments.JobListUrl(context.Request, definition.Name));
    }

    public static async Task<Results<SeeOther, ContentHttpResult>> CreateJobAsync(RequestedService service, Caller caller, HttpContext context, JobManager manager)
    {
        var definition = service.Definition;
        var (job, refusal) = await JobCreation.CreateAsync(context, caller, manager, definition, [],
            control => control.Command == PhaseCommand.Abort || control.Action is not null
                ? "A job is created with PHASE=RUN or without PHASE; ABORT and ACTION apply to existing jobs."
                : null,
            run: false);
        return refusal is null ? new SeeOther(JobDocuments.JobUrl(context.Request, definition.Name, job!.Id)) : refusal;
    }

    private static HashSet<ExecutionPhase>? ReadPhases(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var phases = new HashSet<ExecutionPhase>();
        foreach (var value in values)
        {
            if (!ExecutionPhases.TryParse(value, out var phase))
            {
                throw new RequestRejectedException(StatusCodes.Status400BadRequest,
                    $"PHASE: '{value}' is not a UWS phase ({string.Join(", ", Enum.GetNames<ExecutionPhase>())}).");
            }

            phases.Add(phase);
        }

        return phases;
    }

    private static DateTimeOffset? ReadAfter(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && UwsTime.TryParse(values[0], out var after)
            ? after
            : throw new RequestRejectedException(StatusCodes.Status400BadRequest,
                $"AFTER: '{values}' is not one ISO 8601 instant such as 2030-01-31T12:00:00Z.");
    }

    private static int? ReadLast(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var last) && last > 0
            ? last
            : throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"LAST: '{values}' is not one integer greater than 0.");
    }
}
