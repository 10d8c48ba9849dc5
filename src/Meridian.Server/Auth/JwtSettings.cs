// SPDX-License-Identifier: MIT
namespace Meridian.Server.Auth;

/// <summary>
/// Meridian:Auth:Jwt: bearer tokens issued by an external identity provider (Keycloak, an OpenID Connect
/// provider…). A token is accepted when it is signed by one of the configured keys, issued by Issuer, meant
/// for Audience and not expired; its NameClaim becomes the owner of the caller's jobs.
/// </summary>
public sealed class JwtSettings
{
    /// <summary>The expected "iss"; null: JWT bearer tokens are not accepted.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected "aud" (required with Issuer).</summary>
    public string? Audience { get; set; }

    /// <summary>Files holding the provider's public keys in PEM (RSA or EC), for example exported from its JWKS.</summary>
    public IList<string> SigningKeyFiles { get; } = [];

    /// <summary>A JSON Web Key Set URL (the provider's jwks_uri), read at the first token and again every hour.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The claim naming the caller: "sub" by default, "preferred_username" or "email" when the provider's subjects are opaque.</summary>
    public string NameClaim { get; set; } = "sub";

    public const string DefaultOwnerPrefix = "jwt:";

    /// <summary>
    /// Put before the token's name to make the owner of its jobs. Null (the default): "jwt:" when a users file
    /// is configured too, so that a token for "alice" never gets the users file's alice's jobs; none otherwise.
    /// Set "" only when the provider and the users file name the same people by design.
    /// </summary>
    public string? OwnerPrefix { get; set; }

    /// <summary>A value of the "roles" or "groups" claim that makes the caller an administrator; null: no administrators by token.</summary>
    public string? AdminRole { get; set; }

    /// <summary>Allowed difference between this server's clock and the provider's.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrEmpty(Issuer);
}
