// SPDX-License-Identifier: MIT
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Meridian.Engine.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Who is calling, from the Authorization header: Basic (a user's name and password, checked against the
/// PBKDF2 hash of the users file) or Bearer (an API token, checked by its SHA-256). No header: anonymous. A
/// header that does not prove anything is a failure (401), never a silent fall-back to anonymous. Registered as
/// HeaderName; Name is the scheme everything else asks, which reads the header when there is one and the
/// browser's session cookie otherwise.
/// </summary>
public sealed class CallerScheme(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserDirectory users, JwtValidator jwt)
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
        if (scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase) && jwt.Handles(credentials))
        {
            var (name, admin, refusal) = await jwt.ValidateAsync(credentials);
            return name is null ? AuthenticateResult.Fail(refusal!) : AuthenticateResult.Success(Ticket(new UserAccount { Name = name, Admin = admin }));
        }

        UserAccount? user = scheme.ToLowerInvariant() switch
        {
            "bearer" => users.FindByToken(credentials),
            "basic" => FromBasic(credentials),
            _ => null,
        };
        return user is null
            ? AuthenticateResult.Fail($"The {scheme} credentials are not valid.")
            : AuthenticateResult.Success(Ticket(user));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // The result of this request's authentication, computed once: why the credentials were refused, if they were.
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A page's own script (fetch: Sec-Fetch-Mode other than navigate) offers its sign-in page instead: a Basic
        // challenge would make the browser hold the request behind its password dialog.
        Response.Headers.WWWAuthenticate = Request.Headers["Sec-Fetch-Mode"] is [{ } mode] && mode != "navigate"
            ? "Bearer realm=\"Meridian\"" : "Basic realm=\"Meridian\", Bearer realm=\"Meridian\"";
        Response.ContentType = "text/plain; charset=utf-8";
        await Response.WriteAsync(result.Failure?.Message ?? "Sign in: send HTTP Basic credentials or an API token (Authorization: Bearer).");
    }

    private UserAccount? FromBasic(string credentials)
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
        if (colon <= 0)
        {
            return null;
        }

        return users.SignIn(decoded[..colon], decoded[(colon + 1)..]);
    }

    private AuthenticationTicket Ticket(UserAccount user)
    {
        List<Claim> claims = [new(ClaimTypes.Name, user.Name)];
        if (user.Admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Name)), Name);
    }
}
