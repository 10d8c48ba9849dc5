// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Auth;

/// <summary>
/// Checks JWT bearer tokens against the configured issuer, audience and keys (PEM files, and the provider's
/// JWKS when a URL is given); returns the caller's name and whether they are an administrator.
/// </summary>
public sealed class JwtValidator : IDisposable
{
    private static readonly TimeSpan JwksLifetime = TimeSpan.FromHours(1);
    private readonly JwtSettings _settings;
    private readonly IReadOnlyList<SecurityKey> _fileKeys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SemaphoreSlim _jwksGate = new(1, 1);
    private readonly IHttpClientFactory? _http;
    private readonly string _ownerPrefix;
    private IReadOnlyList<SecurityKey> _jwksKeys = [];
    private DateTimeOffset _jwksRead = DateTimeOffset.MinValue;

    public JwtValidator(IOptions<AuthSettings> settings, IHttpClientFactory? http = null)
    {
        _settings = settings.Value.Jwt;
        _http = http;
        // Beside a users file, a token's "alice" is not the users file's alice: the two namespaces never meet.
        _ownerPrefix = _settings.OwnerPrefix ?? (string.IsNullOrEmpty(settings.Value.UsersFile) ? "" : JwtSettings.DefaultOwnerPrefix);
        if (_settings.Enabled && string.IsNullOrEmpty(_settings.Audience))
        {
            throw new InvalidDataException("Meridian:Auth:Jwt:Audience is required with an Issuer: a token meant for another service must not be accepted here");
        }

        if (_settings.Enabled && _settings.SigningKeyFiles.Count == 0 && string.IsNullOrEmpty(_settings.JwksUrl))
        {
            throw new InvalidDataException("Meridian:Auth:Jwt needs SigningKeyFiles or a JwksUrl to check the tokens' signatures");
        }

        _fileKeys = _settings.SigningKeyFiles.Select(ReadKey).ToList();
    }

    public void Dispose() => _jwksGate.Dispose();

    /// <summary>Whether a bearer credential looks like a JWT (three base64url parts) and tokens are accepted.</summary>
    public bool Handles(string token) => _settings.Enabled && token.Count(c => c == '.') == 2;

    /// <summary>The caller, or null with the reason the token is refused.</summary>
    public async Task<(string? Name, bool Admin, string? Refusal)> ValidateAsync(string token)
    {
        if (JwtShape.Problem(token) is { } problem)
        {
            return (null, false, $"The bearer token is not valid: {problem}");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = _settings.Issuer,
            ValidAudience = _settings.Audience,
            IssuerSigningKeys = [.. _fileKeys, .. await JwksKeysAsync()],
            ClockSkew = _settings.ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return (null, false, $"The bearer token is not valid: {Reason(result.Exception)}");
        }

        var name = result.Claims.TryGetValue(_settings.NameClaim, out var value) ? value?.ToString() : null;
        if (string.IsNullOrEmpty(name))
        {
            return (null, false, $"The bearer token has no '{_settings.NameClaim}' claim to name its holder.");
        }

        var admin = _settings.AdminRole is { } role && (HasValue(result.Claims, "roles", role) || HasValue(result.Claims, "groups", role));
        return (_ownerPrefix + name, admin, null);
    }

    private static bool HasValue(IDictionary<string, object> claims, string claim, string role) =>
        claims.TryGetValue(claim, out var value) && value switch
        {
            string single => single == role,
            IEnumerable<object> many => many.Any(item => item?.ToString() == role),
            _ => false,
        };

    /// <summary>A short reason a person can act on (expired, wrong audience…), never the token itself.</summary>
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

    private async Task<IReadOnlyList<SecurityKey>> JwksKeysAsync()
    {
        if (string.IsNullOrEmpty(_settings.JwksUrl) || DateTimeOffset.UtcNow - _jwksRead < JwksLifetime)
        {
            return _jwksKeys;
        }

        await _jwksGate.WaitAsync();
        try
        {
            if (DateTimeOffset.UtcNow - _jwksRead >= JwksLifetime)
            {
                using var client = _http?.CreateClient() ?? new HttpClient();
                client.Timeout = TimeSpan.FromSeconds(10);
                var set = new JsonWebKeySet(await client.GetStringAsync(_settings.JwksUrl));
                _jwksKeys = [.. set.GetSigningKeys()];
                _jwksRead = DateTimeOffset.UtcNow;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            // The provider is unreachable: the keys read before (if any) stay; tokens signed otherwise are refused.
        }
        finally
        {
            _jwksGate.Release();
        }

        return _jwksKeys;
    }

    private static SecurityKey ReadKey(string path)
    {
        var pem = File.ReadAllText(path);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        return TryEc(pem) ?? throw new InvalidDataException($"{path}: not an RSA or EC public key in PEM");
    }

    private static ECDsaSecurityKey? TryEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            return null;
        }
    }
}
