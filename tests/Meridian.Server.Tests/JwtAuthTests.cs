// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Tests;

/// <summary>
/// JWT bearer tokens from an identity provider that this test plays: it signs tokens with a key whose public
/// half the server is given. The token's subject owns the jobs; a bad token is refused with the reason.
/// </summary>
public sealed class JwtAuthTests : IDisposable
{
    private const string Issuer = "https://idp.example.org/realms/astro";
    private const string Audience = "meridian";
    private static readonly string[] CriticalExtensions = ["x-must-understand"];
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-jwt-").FullName;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly MeridianApplication _application;

    public JwtAuthTests()
    {
        var publicKey = Path.Combine(_folder, "idp.pem");
        File.WriteAllText(publicKey, _key.ExportSubjectPublicKeyInfoPem());
        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:Jwt:Issuer"] = Issuer,
            ["Meridian:Auth:Jwt:Audience"] = Audience,
            ["Meridian:Auth:Jwt:SigningKeyFiles:0"] = publicKey,
            ["Meridian:Auth:Jwt:AdminRole"] = "meridian-admin",
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        _key.Dispose();
        _otherKey.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Token(string subject, RSA? key = null, string audience = Audience, DateTime? expires = null, string[]? roles = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key), SecurityAlgorithms.RsaSha256),
        });
    }

    private HttpClient With(string token)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Token_IsRefused_WhenItsHeaderNamesAnUnknownCriticalExtension()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "ana@example.org" },
            Expires = DateTime.UtcNow.AddHours(1),
            AdditionalHeaderClaims = new Dictionary<string, object> { ["crit"] = CriticalExtensions, ["x-must-understand"] = true },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256),
        });
        using var client = With(token);

        using var response = await client.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("crit", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999999999")]
    [InlineData("tomorrow")]
    public async Task Token_IsRefused_WhenItsExpiryIsNotANumber(string expiry)
    {
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "ana@example.org", ["exp"] = expiry },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256),
        });
        using var client = With(token);

        using var response = await client.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("exp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidToken_MakesItsSubjectTheOwner_AndKeepsOthersOut()
    {
        using var ana = With(Token("ana@example.org"));
        using var ben = With(Token("ben@example.org"));
        using var admin = With(Token("ops@example.org", roles: ["meridian-admin"]));

        var job = await new UwsClient(ana).CreateAsync("echo", ("PHASE", "RUN"));

        Assert.Equal("ana@example.org", UwsClient.Value(await new UwsClient(ana).GetXmlAsync(job), "ownerId"));
        using var other = await ben.GetAsync(job);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var administered = await admin.GetAsync(job);
        Assert.Equal(HttpStatusCode.OK, administered.StatusCode);
    }

    [Fact]
    public async Task ExpiredForgedOrMisdirectedTokens_AreRefusedWithTheReason()
    {
        var cases = new (string Token, string Reason)[]
        {
            (Token("ana", expires: DateTime.UtcNow.AddMinutes(-10)), "it has expired"),
            (Token("ana", key: _otherKey), "its signature does not match a known key"),
            (Token("ana", audience: "another-service"), "it is meant for another audience"),
            (Token("ana")[..^4] + "AAAA", "its signature does not match a known key"),
        };

        foreach (var (token, reason) in cases)
        {
            using var http = With(token);
            using var response = await http.GetAsync("/uws/echo");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
