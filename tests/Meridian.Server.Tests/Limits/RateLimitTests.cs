// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using Meridian.Cli;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Limits;

/// <summary>Meridian:RateLimit:PermitsPerMinute: each signed-in user (or else each address) has its own allowance.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RateLimitTests : IDisposable
{
    private const int Permits = 5;
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-rate-").FullName;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly MeridianApplication _application;

    public RateLimitTests()
    {
        var users = Path.Combine(_folder, "users.json");
        foreach (var name in new[] { "alice", "bob" })
        {
            var output = new StringWriter();
            Assert.Equal(0, UsersCommand.Run(["add", name, "--file", users], TextReader.Null, output, TextWriter.Null));
            _tokens[name] = output.ToString().Trim();
        }

        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:RateLimit:PermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private HttpClient As(string user)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return http;
    }

    [Fact]
    public async Task Requests_Answer429WithRetryAfterAndTheLimit_OnceAClientUsedItsPermits()
    {
        using var alice = As("alice");
        for (var i = 0; i < Permits; i++)
        {
            using var allowed = await alice.GetAsync("/uws/echo");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await alice.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Contains($"Meridian:RateLimit:PermitsPerMinute = {Permits}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Bob comes from the same address but is another user: his allowance is his own.
        using var bob = As("bob");
        using var bobs = await bob.GetAsync("/uws/echo");
        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
    }
}
