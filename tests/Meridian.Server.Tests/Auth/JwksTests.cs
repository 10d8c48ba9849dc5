// SPDX-License-Identifier: MIT
using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Tests.Auth;

/// <summary>
/// Keys from the provider's JSON Web Key Set (JwksUrl), served here on the loopback as a provider would: a token
/// signed by a key of the set is accepted, the set is read once and kept, and a key outside it is refused.
/// </summary>
public sealed class JwksTests : IDisposable
{
    private const string Issuer = "https://idp.example.org/realms/astro";
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly HttpListener _provider = new();
    private readonly Task _serving;
    private readonly MeridianApplication _application;
    private int _reads;

    public JwksTests()
    {
        var port = FreePort();
        _provider.Prefixes.Add($"http://127.0.0.1:{port}/");
        _provider.Start();
        _serving = ServeAsync();
        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:Jwt:Issuer"] = Issuer,
            ["Meridian:Auth:Jwt:Audience"] = "meridian",
            ["Meridian:Auth:Jwt:JwksUrl"] = $"http://127.0.0.1:{port}/certs",
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        _provider.Stop();
        _provider.Close();
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public async Task Token_SignedByAKeyOfTheSet_IsAccepted_AndTheSetIsReadOnce()
    {
        using var ana = With(Token("ana", _key, "k1"));
        using var forged = With(Token("ana", _otherKey, "k1"));

        var job = await new UwsClient(ana).CreateAsync("echo");
        using var again = await ana.GetAsync(job);
        using var refused = await forged.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("ana", UwsClient.Value(await new UwsClient(ana).GetXmlAsync(job), "ownerId"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("its signature does not match a known key", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, Volatile.Read(ref _reads));
    }

    private async Task ServeAsync()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var set = $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","n":"{{Base64Url.EncodeToString(parameters.Modulus)}}","e":"{{Base64Url.EncodeToString(parameters.Exponent)}}"}]}""";
        while (_provider.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _provider.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _reads);
            var body = Encoding.UTF8.GetBytes(set);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private static string Token(string subject, RSA key, string keyId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = "meridian",
        Claims = new Dictionary<string, object> { ["sub"] = subject },
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
    });

    private HttpClient With(string token)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
