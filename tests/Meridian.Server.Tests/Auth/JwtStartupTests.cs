// SPDX-License-Identifier: MIT

namespace Meridian.Server.Tests.Auth;

/// <summary>JWT settings that could not check a token as meant stop the server at start, with the reason (exit 2).</summary>
public sealed class JwtStartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-jwt-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Server_RefusesToStart_WithAnIssuerButNoAudience()
    {
        var key = Path.Combine(_folder, "idp.pem");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            await File.WriteAllTextAsync(key, rsa.ExportSubjectPublicKeyInfoPem());
        }

        var (exitCode, errors) = await Run(new() { ["Meridian__Auth__Jwt__Issuer"] = "https://idp.example.org", ["Meridian__Auth__Jwt__SigningKeyFiles__0"] = key });

        Assert.Equal(2, exitCode);
        Assert.Contains("Meridian:Auth:Jwt:Audience is required with an Issuer", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_RefusesToStart_WithNoWayToCheckSignatures()
    {
        var (exitCode, errors) = await Run(new() { ["Meridian__Auth__Jwt__Issuer"] = "https://idp.example.org", ["Meridian__Auth__Jwt__Audience"] = "meridian" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Meridian:Auth:Jwt needs SigningKeyFiles or a JwksUrl", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_RefusesToStart_WhenAKeyFileHoldsNoPublicKey()
    {
        var key = Path.Combine(_folder, "not-a-key.pem");
        await File.WriteAllTextAsync(key, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");

        var (exitCode, errors) = await Run(new()
        {
            ["Meridian__Auth__Jwt__Issuer"] = "https://idp.example.org", ["Meridian__Auth__Jwt__Audience"] = "meridian",
            ["Meridian__Auth__Jwt__SigningKeyFiles__0"] = key,
        });

        Assert.Equal(2, exitCode);
        Assert.Contains($"{key}: not an RSA or EC public key in PEM", errors, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Errors)> Run(Dictionary<string, string> settings) =>
        ServerProcess.RunUntilExitAsync(Path.Combine(_folder, "data"), settings);
}
