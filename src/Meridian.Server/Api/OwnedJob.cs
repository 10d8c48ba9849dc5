// SPDX-License-Identifier: MIT
using System.Reflection;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;

namespace Meridian.Server.Api;

/// <summary>
/// The job a /uws/{service}/{jobId}/… URL names, bound as a handler's parameter once the caller is known to
/// be its owner (or an administrator): a handler that takes one never sees another owner's job. What was not
/// found is a 404 and another owner's job a 403, both with the reason (JobLookup).
/// </summary>
public sealed record OwnedJob(ServiceDefinition Service, Job Job)
{
    /// <summary>The job's generation (PhaseWaiter) noted before it was read: a WAIT on it need not read it again if nothing changed since.</summary>
    public long? GenerationBeforeRead { get; init; }

    public static async ValueTask<OwnedJob?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var route = context.Request.RouteValues;
        var manager = context.RequestServices.GetRequiredService<JobManager>();
        var jobId = (string)route["jobId"]!;
        var generation = manager.Generation(jobId);
        var (service, job) = await JobLookup.JobAsync(manager, context, (string)route["service"]!, jobId);
        return new OwnedJob(service, job) { GenerationBeforeRead = generation };
    }
}
