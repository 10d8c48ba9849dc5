// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Auth;

/// <summary>
/// What Meridian adds to the framework's JwtBearer handler: the token's shape checked before its signature
/// (JwtShape), the caller made from its claims (the owner prefix, the administrator role), and a refusal
/// that says why in words a person can act on, never the token itself nor the library's IDX codes.
/// </summary>
public sealed class JwtCallerEvents(IOptions<AuthSettings> settings) : JwtBearerEvents
{
    private const string Refused = "The bearer token is not valid: ";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        var token = JwtBearerSetup.BearerToken(context.Request) ?? "";
        if (JwtShape.Problem(token) is { } problem)
        {
            context.Fail(Refused + problem);
        }
        else
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        context.Fail(Refused + Reason(context.Exception));
        return Task.CompletedTask;
    }

    /// <summary>The token's holder becomes the caller, under the owner prefix, and an administrator when its roles or groups say so.</summary>
    public override Task TokenValidated(TokenValidatedContext context)
    {
        var jwt = settings.Value.Jwt;
        var name = context.Principal?.FindFirst(jwt.NameClaim)?.Value;
        if (string.IsNullOrEmpty(name))
        {
            context.Fail($"The bearer token has no '{jwt.NameClaim}' claim to name its holder.");
            return Task.CompletedTask;
        }

        var admin = jwt.AdminRole is { } role
            && context.Principal!.Claims.Any(claim => claim.Type is "roles" or "groups" && claim.Value == role);
        context.Principal = CallerScheme.Principal(settings.Value.JwtOwnerPrefix + name, admin);
        return Task.CompletedTask;
    }

    /// <summary>A short reason a person can act on (expired, wrong audience…).</summary>
    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenNotYetValidException => "it is not valid yet",
        SecurityTokenInvalidAudienceException => "it is meant for another audience",
        SecurityTokenInvalidIssuerException => "it comes from another issuer",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not match a known key",
        SecurityTokenNoExpirationException => "it has no expiry",
        _ => "it cannot be read",
    };
}
