// SPDX-License-Identifier: MIT
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// The browser's signed-in session: ASP.NET Core's cookie authentication, except that a cookie which no longer
/// proves anything (expired, from other keys, its user removed from the users file) is dropped and the caller is
/// anonymous, rather than refused everywhere, the sign-in page included.
/// </summary>
public sealed class SessionScheme(IOptionsMonitor<CookieAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : CookieAuthenticationHandler(options, logger, encoder)
{
    public const string Name = "meridian-session";
    public const string CookieName = "meridian-session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await base.HandleAuthenticateAsync();
        if (result.Failure is null)
        {
            return result;
        }

        Options.CookieManager.DeleteCookie(Context, Options.Cookie.Name!, Options.Cookie.Build(Context));
        return AuthenticateResult.NoResult();
    }

    /// <summary>The cookie's settings: HttpOnly, Secure over HTTPS, SameSite=Strict, sliding expiry; a removed user's session, or one signed out of, ends.</summary>
    public static void Configure(CookieAuthenticationOptions options, AuthSettings settings)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.ExpireTimeSpan = settings.SessionLifetime;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = context =>
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
            var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
            // A session signed out of is over, whoever still holds a copy of its cookie.
            if (context.Principal?.Identity?.Name is not { } name || users.Find(name) is null
                || context.Principal.FindFirst(SessionRevocations.ClaimType)?.Value is not { } sessionId || revocations.IsRevoked(sessionId))
            {
                context.RejectPrincipal();
            }

            return Task.CompletedTask;
        };
    }
}
