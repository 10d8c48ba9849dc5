// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Tests.Auth;

/// <summary>
/// What a valid signature does not settle: the claim naming the holder (NameClaim), the administrator role in
/// "groups" as in "roles", the issuer; and a refusal that says why, with the same challenge as any other.
/// </summary>
public sealed class JwtClaimsTests : IDisposable
{
    private const string Issuer = "https://idp.example.org/realms/astro";
    private const string Audience = "meridian";
    private static readonly string[] AstronomerGroups = ["astronomers"];
    private static readonly string[] AdministratorGroups = ["astronomers", "meridian-admin"];
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-jwt-claims-").FullName;
    private readonly RSA _key = RSA.Create(2048);
    private readonly MeridianApplication _application;

    public JwtClaimsTests()
    {
        var publicKey = Path.Combine(_folder, "idp.pem");
        File.WriteAllText(publicKey, _key.ExportSubjectPublicKeyInfoPem());
        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:Jwt:Issuer"] = Issuer,
            ["Meridian:Auth:Jwt:Audience"] = Audience,
            ["Meridian:Auth:Jwt:SigningKeyFiles:0"] = publicKey,
            ["Meridian:Auth:Jwt:NameClaim"] = "preferred_username",
            ["Meridian:Auth:Jwt:AdminRole"] = "meridian-admin",
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Token(Dictionary<string, object> claims, string issuer = Issuer) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = Audience,
        Claims = claims,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256),
    });

    private HttpClient With(string token)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task Token_WithoutTheNameClaim_IsRefused_NamingTheClaim()
    {
        using var http = With(Token(new() { ["sub"] = "0b7e-opaque" }));

        using var response = await http.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Meridian\", Bearer realm=\"Meridian\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("The bearer token has no 'preferred_username' claim to name its holder.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_FromAnotherIssuer_IsRefusedWithTheReason()
    {
        using var http = With(Token(new() { ["preferred_username"] = "ana" }, issuer: "https://elsewhere.example.org"));

        using var response = await http.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The bearer token is not valid: it comes from another issuer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNameClaim_OwnsTheJobs_AndTheAdminRoleInGroups_ReadsThemAll()
    {
        using var ana = With(Token(new() { ["preferred_username"] = "ana", ["sub"] = "1" }));
        using var ben = With(Token(new() { ["preferred_username"] = "ben", ["groups"] = AstronomerGroups }));
        using var ops = With(Token(new() { ["preferred_username"] = "ops", ["groups"] = AdministratorGroups }));

        var job = await new UwsClient(ana).CreateAsync("echo");

        Assert.Equal("ana", UwsClient.Value(await new UwsClient(ana).GetXmlAsync(job), "ownerId"));
        using var other = await ben.GetAsync(job);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var administered = await ops.GetAsync(job);
        Assert.Equal(HttpStatusCode.OK, administered.StatusCode);
    }
}
