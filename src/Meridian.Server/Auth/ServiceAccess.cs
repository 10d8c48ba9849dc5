// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Who may use a service's jobs (/uws/{service}/…, /sync/{service}): with authentication on, a signed-in
/// caller, or anyone when the service's definition says `anonymous: true`; with it off, everyone. A name no
/// service has needs a caller too, so that an anonymous caller learns nothing of what this server offers.
/// </summary>
public sealed class ServiceAccess(IOptions<AuthSettings> settings, ServiceCatalog catalog)
    : AuthorizationHandler<ServiceAccess.Requirement>
{
    public const string Policy = "meridian-service";

    /// <summary>The requirement the groups' policy holds; ServiceAccess decides it.</summary>
    public sealed class Requirement : IAuthorizationRequirement;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        if (!settings.Value.Enabled || context.User.Identity?.IsAuthenticated == true
            || (context.Resource is HttpContext http && http.Request.RouteValues["service"] is string service
                && catalog.Find(service) is { Anonymous: true }))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
