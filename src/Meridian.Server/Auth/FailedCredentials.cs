// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// With authentication on, credentials that prove nothing (a wrong password, an unknown or expired token) are
/// refused on every path, 401 with the reason, rather than treated as no credentials: a script with a typo in
/// its token must not quietly become anonymous. Who must sign in at all is the groups' policy (ServiceAccess).
/// </summary>
public sealed class FailedCredentials(RequestDelegate next, IOptions<AuthSettings> settings)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (settings.Value.Enabled && (await context.AuthenticateAsync(CallerScheme.Name)).Failure is not null)
        {
            await context.ChallengeAsync(CallerScheme.Name);
            return;
        }

        await next(context);
    }
}
