// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using System.Text;
using Meridian.Users;

namespace Meridian.Cli.Tests;

/// <summary>The hashes `meridian users` writes: PBKDF2-SHA256 at OWASP's count for passwords, and old counts still verify.</summary>
public sealed class SecretHasherTests
{
    [Fact]
    public void HashPassword_UsesSixHundredThousandIterations_AndVerifies()
    {
        var stored = SecretHasher.HashPassword("a long passphrase");

        Assert.StartsWith("pbkdf2-sha256$600000$", stored);
        Assert.True(SecretHasher.VerifyPassword("a long passphrase", stored));
        Assert.False(SecretHasher.VerifyPassword("a long passphrasE", stored));
    }

    [Fact]
    public void VerifyPassword_AcceptsAHashWrittenWithTheEarlierCount()
    {
        // Written as the users file kept it before the count was raised: 210,000 iterations.
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("an older passphrase"), salt, 210_000, HashAlgorithmName.SHA256, 32);
        var stored = $"pbkdf2-sha256$210000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";

        Assert.True(SecretHasher.VerifyPassword("an older passphrase", stored));
        Assert.False(SecretHasher.VerifyPassword("another passphrase", stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha256$abc")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$600000$not base64$AAAA")]
    public void VerifyPassword_IsFalse_ForAMalformedHash(string stored)
    {
        Assert.False(SecretHasher.VerifyPassword("anything at all", stored));
    }
}
