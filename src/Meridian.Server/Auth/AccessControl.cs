// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// With authentication on, a service's jobs (/uws/{service}/…, /sync/{service}) are for signed-in callers
/// only, unless its definition says `anonymous: true`; and credentials that prove nothing are refused
/// everywhere (401), rather than treated as no credentials.
/// </summary>
public sealed class AccessControl(RequestDelegate next, IOptions<AuthSettings> settings, ServiceCatalog catalog)
{
    private static readonly string[] ServicePrefixes = ["uws", "sync"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!settings.Value.Enabled)
        {
            await next(context);
            return;
        }

        var result = await context.AuthenticateAsync(CallerScheme.Name);
        if (result.Failure is not null || (result.None && NeedsCaller(context.Request.Path)))
        {
            await context.ChallengeAsync(CallerScheme.Name);
            return;
        }

        await next(context);
    }

    private bool NeedsCaller(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && ServicePrefixes.Contains(segments[0], StringComparer.Ordinal)
            && catalog.Find(segments[1]) is not { Anonymous: true };
    }
}
