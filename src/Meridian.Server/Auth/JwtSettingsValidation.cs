// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Meridian:Auth:Jwt checked at start (ValidateOnStart): with an Issuer, an Audience and some way to check
/// signatures, and key files that hold public keys. Start-up names the first problem and stops.
/// </summary>
public sealed class JwtSettingsValidation : IValidateOptions<AuthSettings>
{
    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        var jwt = options.Jwt;
        if (!jwt.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrEmpty(jwt.Audience))
        {
            return ValidateOptionsResult.Fail("Meridian:Auth:Jwt:Audience is required with an Issuer: a token meant for another service must not be accepted here");
        }

        if (jwt.SigningKeyFiles.Count == 0 && string.IsNullOrEmpty(jwt.JwksUrl))
        {
            return ValidateOptionsResult.Fail("Meridian:Auth:Jwt needs SigningKeyFiles or a JwksUrl to check the tokens' signatures");
        }

        foreach (var path in jwt.SigningKeyFiles)
        {
            try
            {
                JwtSigningKeys.Read(path);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail(exception.Message);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
