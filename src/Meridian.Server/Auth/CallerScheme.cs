// SPDX-License-Identifier: MIT
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Meridian.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Who is calling, from the Authorization header: Basic (a user's name and password, checked against the
/// PBKDF2 hash of the users file) or Bearer (an API token, checked by its SHA-256). No header: anonymous. A
/// header that does not prove anything is a failure (401), never a silent fall-back to anonymous. Registered as
/// HeaderName; Name is the scheme everything else asks, which hands a JWT-shaped bearer token to the JwtBearer
/// handler (JwtBearerSetup), another header to this one, and the browser's session cookie otherwise. Every
/// challenge, whichever scheme authenticated, is this one's: one 401 (or 429) for all.
/// </summary>
public sealed class CallerScheme(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users, SignInThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "meridian";
    public const string HeaderName = "meridian-header";
    public const string AdminRole = "admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var (scheme, credentials) = header.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
            ? (header[..space], header[(space + 1)..].Trim()) : (header, "");
        var address = Context.Connection.RemoteIpAddress?.ToString();
        var name = scheme.Equals("basic", StringComparison.OrdinalIgnoreCase) ? BasicCredentials(credentials)?.Name : null;
        // Checked before any password is hashed, so that guessing costs the server next to nothing.
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            return AuthenticateResult.Fail(new SignInThrottledException(wait));
        }

        UserAccount? user = scheme.ToLowerInvariant() switch
        {
            "bearer" => users.FindByToken(credentials),
            "basic" => BasicCredentials(credentials) is { } basic ? users.SignIn(basic.Name, basic.Password) : null,
            _ => null,
        };
        if (user is null)
        {
            throttle.RecordFailure(name, address);
            return AuthenticateResult.Fail($"The {scheme} credentials are not valid.");
        }

        throttle.RecordSuccess(user.Name);
        return AuthenticateResult.Success(Ticket(user));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The result of this request's authentication (computed once, by whichever scheme the caller scheme chose):
        // why the credentials were refused, if they were.
        var result = await Context.AuthenticateAsync(Name);
        if (result.Failure is SignInThrottledException throttled)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Ceiling(throttled.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.ContentType = "text/plain; charset=utf-8";
            await Response.WriteAsync(throttled.Message);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A page's own script (fetch: Sec-Fetch-Mode other than navigate) offers its sign-in page instead: a Basic
        // challenge would make the browser hold the request behind its password dialog.
        Response.Headers.WWWAuthenticate = Request.Headers["Sec-Fetch-Mode"] is [{ } mode] && mode != "navigate"
            ? "Bearer realm=\"Meridian\"" : "Basic realm=\"Meridian\", Bearer realm=\"Meridian\"";
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(result.Failure?.Message ?? "Sign in: send HTTP Basic credentials or an API token (Authorization: Bearer).");
    }

    private static (string Name, string Password)? BasicCredentials(string credentials)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
    }

    private static AuthenticationTicket Ticket(UserAccount user) => new(Principal(user.Name, user.Admin), Name);

    /// <summary>The caller as every part of the server reads it (Caller.Of): its name, and the administrator role.</summary>
    public static ClaimsPrincipal Principal(string name, bool admin)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name)];
        if (admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
    }
}
