// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Auth;

/// <summary>
/// JWT bearer tokens from an external identity provider (Meridian:Auth:Jwt), checked by the framework's JwtBearer
/// handler against the configured issuer, audience and keys (PEM files, and the provider's JWKS when a URL is
/// given). The caller scheme hands it the bearer tokens shaped like a JWT; API tokens go to CallerScheme.
/// </summary>
public static class JwtBearerSetup
{
    public const string Name = "meridian-jwt";

    public static AuthenticationBuilder AddMeridianJwt(this AuthenticationBuilder authentication)
    {
        var services = authentication.Services;
        services.AddSingleton<IValidateOptions<AuthSettings>, JwtSettingsValidation>();
        services.AddSingleton<JwtCallerEvents>();
        services.AddSingleton(provider => new JwksKeys(
            provider.GetRequiredService<IOptions<AuthSettings>>().Value.Jwt.JwksUrl!, provider.GetRequiredService<TimeProvider>()));
        services.AddOptions<JwtBearerOptions>(Name).Configure<IOptions<AuthSettings>, IServiceProvider>((options, settings, provider) =>
        {
            var jwt = settings.Value.Jwt;
            options.MapInboundClaims = false;
            options.EventsType = typeof(JwtCallerEvents);
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = jwt.Issuer,
                ValidAudience = jwt.Audience,
                IssuerSigningKeys = jwt.Enabled ? jwt.SigningKeyFiles.Select(JwtSigningKeys.Read).ToList() : [],
                ClockSkew = jwt.ClockSkew,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
            };
            if (jwt.Enabled && !string.IsNullOrEmpty(jwt.JwksUrl))
            {
                options.ConfigurationManager = provider.GetRequiredService<JwksKeys>();
            }
        });
        return authentication.AddJwtBearer(Name);
    }

    /// <summary>Whether the request's bearer credential looks like a JWT (three base64url parts) and tokens are accepted.</summary>
    public static bool Handles(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.Jwt.Enabled
        && BearerToken(context.Request) is { } token && token.Count(c => c == '.') == 2;

    /// <summary>The credential of an "Authorization: Bearer …" header, or null for any other header.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && header[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase) ? header[(space + 1)..].Trim() : null;
    }
}
