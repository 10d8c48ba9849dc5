// SPDX-License-Identifier: MIT
using System.Reflection;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Lifecycle;

namespace Meridian.Server.Api;

/// <summary>
/// The service a /uws/{service} or /sync/{service} URL names, bound as a handler's parameter; a name this
/// server does not offer is a 404 that lists the ones it does (JobLookup.Service).
/// </summary>
public sealed record RequestedService(ServiceDefinition Definition)
{
    public static ValueTask<RequestedService?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var manager = context.RequestServices.GetRequiredService<JobManager>();
        return ValueTask.FromResult<RequestedService?>(new(JobLookup.Service(manager, (string)context.Request.RouteValues["service"]!)));
    }
}
