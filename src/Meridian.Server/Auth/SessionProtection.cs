// SPDX-License-Identifier: MIT
using Meridian.Server.Http;
using Microsoft.AspNetCore.Antiforgery;

namespace Meridian.Server.Auth;

/// <summary>
/// Anti-forgery for the browser's session. A cookie goes with every request to this server, even one another
/// page makes the browser send; so a change (POST, PUT, PATCH, DELETE, and any request to /sync, which runs a job) made with the session cookie, and a sign-in
/// or sign-out, must also carry the token that only this server's pages can read (header X-CSRF-Token). Requests
/// with an Authorization header (scripts, pyvo) and anonymous ones prove nothing by a cookie, and are not affected.
/// </summary>
public sealed class SessionProtection(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsToken(context))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException exception)
            {
                await PlainText.Forbidden($"Refused: a change made with the browser's session needs this server's anti-forgery token ({HeaderName}); {exception.Message}")
                    .ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static bool NeedsToken(HttpContext context)
    {
        var method = context.Request.Method;
        // GET /sync/{service} runs a job: safe by its method, not by what it does.
        var runsAJob = context.Request.Path.StartsWithSegments("/sync", StringComparison.OrdinalIgnoreCase);
        if (!runsAJob && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method)))
        {
            return false;
        }

        return context.User.Identity is { IsAuthenticated: true, AuthenticationType: SessionScheme.Name }
            || context.Request.Path.StartsWithSegments(SessionEndpoints.Path, StringComparison.OrdinalIgnoreCase);
    }
}
