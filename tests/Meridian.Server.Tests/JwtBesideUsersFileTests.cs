// SPDX-License-Identifier: MIT
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Meridian.Cli;
using Meridian.Cli.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Tests;

/// <summary>With a users file and JWT together, a token for "alice" is not the users file's alice: owners are kept apart.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class JwtBesideUsersFileTests : IDisposable
{
    private const string Issuer = "https://idp.example.org/realms/astro";
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-jwt-users-").FullName;
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _aliceToken;
    private readonly MeridianApplication _application;

    public JwtBesideUsersFileTests()
    {
        var users = Path.Combine(_folder, "users.json");
        var output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--file", users], TextReader.Null, output, TextWriter.Null));
        _aliceToken = output.ToString().Trim();
        var publicKey = Path.Combine(_folder, "idp.pem");
        File.WriteAllText(publicKey, _key.ExportSubjectPublicKeyInfoPem());
        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:Auth:Jwt:Issuer"] = Issuer,
            ["Meridian:Auth:Jwt:Audience"] = "meridian",
            ["Meridian:Auth:Jwt:SigningKeyFiles:0"] = publicKey,
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task TokenNamingAUsersFileUser_GetsAnOwnerOfItsOwn_AndNoneOfThatUsersJobs()
    {
        using var alice = With(_aliceToken);
        using var impostor = With(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "meridian",
            Claims = new Dictionary<string, object> { ["sub"] = "alice" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key), SecurityAlgorithms.RsaSha256),
        }));
        var alicesJob = await new UwsClient(alice).CreateAsync("echo");

        var tokensJob = await new UwsClient(impostor).CreateAsync("echo");

        Assert.Equal("jwt:alice", UwsClient.Value(await new UwsClient(impostor).GetXmlAsync(tokensJob), "ownerId"));
        using var peek = await impostor.GetAsync(alicesJob);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, peek.StatusCode);
        var listed = (await new UwsClient(impostor).GetXmlAsync("/uws/echo")).Root!.Elements(UwsClient.Uws + "jobref").Select(j => j.Attribute("id")!.Value);
        Assert.DoesNotContain(alicesJob[(alicesJob.LastIndexOf('/') + 1)..], listed);
    }

    private HttpClient With(string token)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
