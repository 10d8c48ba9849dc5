// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Meridian.Users;

/// <summary>
/// Hashes of the secrets in the users file. A password (chosen by a person, guessable) is stretched with
/// PBKDF2-HMAC-SHA256 and a random salt: "pbkdf2-sha256$iterations$salt$hash". An API token is 256 random
/// bits, so one SHA-256 suffices and costs nothing per request: "sha256$hash".
/// </summary>
public static class SecretHasher
{
    /// <summary>
    /// OWASP's figure for PBKDF2-HMAC-SHA256 (2023 cheat sheet). Each hash says its own count, so hashes written
    /// with fewer iterations (210,000 before) still verify; a password set again gets the new count.
    /// </summary>
    public const int PasswordIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string PasswordScheme = "pbkdf2-sha256";
    private const string TokenScheme = "sha256";

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, PasswordIterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{PasswordScheme}${PasswordIterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether the password matches the stored hash; false for a malformed hash, never an exception.</summary>
    public static bool VerifyPassword(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != PasswordScheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations is < 1 or > 10_000_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new API token: 256 random bits, base64url, prefixed so that it is recognisable in a leaked file ("mrd_").</summary>
    public static string NewToken() => "mrd_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) =>
        $"{TokenScheme}${Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))}";
}
