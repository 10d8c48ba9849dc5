// SPDX-License-Identifier: MIT
using Meridian.Server.Auth;

namespace Meridian.Server.Api;

/// <summary>
/// The route groups of a service's resources: its job list, one of its jobs, and its synchronous runs. Every
/// module that adds a resource of a job (results, links, provenance, signed URLs…) maps it on these, so the
/// prefix and the rule of who may call (ServiceAccess: signed-in callers, unless the service is anonymous)
/// are written once.
/// </summary>
public static class UwsRoutes
{
    public static RouteGroupBuilder MapJobListGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/uws/{service}").RequireAuthorization(ServiceAccess.Policy);

    public static RouteGroupBuilder MapJobGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/uws/{service}/{jobId}").RequireAuthorization(ServiceAccess.Policy);

    public static RouteGroupBuilder MapSyncGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/sync/{service}").RequireAuthorization(ServiceAccess.Policy);
}
