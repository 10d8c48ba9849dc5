// SPDX-License-Identifier: MIT
using Meridian.Server.Auth;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Meridian.Server.Api;

/// <summary>
/// The route groups of a service's resources: its job list, one of its jobs, and its synchronous runs. Every
/// module that adds a resource of a job (results, links, provenance, signed URLs…) maps it on these, so the
/// prefix and the rule of who may call (ServiceAccess: signed-in callers, unless the service is anonymous)
/// are written once.
/// </summary>
public static class UwsRoutes
{
    public static RouteGroupBuilder MapJobListGroup(this IEndpointRouteBuilder app) => Group(app, "/uws/{service}");

    public static RouteGroupBuilder MapJobGroup(this IEndpointRouteBuilder app) => Group(app, "/uws/{service}/{jobId}");

    public static RouteGroupBuilder MapSyncGroup(this IEndpointRouteBuilder app) => Group(app, "/sync/{service}");

    private static RouteGroupBuilder Group(IEndpointRouteBuilder app, string prefix)
    {
        var group = app.MapGroup(prefix).RequireAuthorization(ServiceAccess.Policy);
        // The group's own resource (mapped at "") would be named "/uws/{service}/" in the request metrics
        // (http.route) and logs: it keeps the name it has always had and that dashboards query.
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText is { Length: > 1 } raw && raw.EndsWith('/'))
            {
                route.RoutePattern = RoutePatternFactory.Parse(raw.TrimEnd('/'));
            }
        });
        return group;
    }
}
