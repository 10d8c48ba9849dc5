// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Cli;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Sharing;

/// <summary>
/// Signed download links with authentication on: the owner of a job gets one for a result; it downloads that
/// result without credentials until it expires (410), and a link changed in any part, or asked for by
/// someone else, gives nothing (403).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SignedResultUrlTests : IDisposable
{
    private const string AlicePassword = "correct horse battery staple";
    private const string BobPassword = "another long passphrase";
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-signed-").FullName;
    private readonly MeridianApplication _application;

    public SignedResultUrlTests()
    {
        var users = Path.Combine(_folder, "users.json");
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--password-stdin", "--file", users], new StringReader(AlicePassword + "\n"), TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, UsersCommand.Run(["add", "bob", "--password-stdin", "--file", users], new StringReader(BobPassword + "\n"), TextWriter.Null, TextWriter.Null));
        _application = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:Auth:SignedUrlLifetime"] = "00:00:03",
        }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ASignedLink_DownloadsTheResultWithoutCredentials_UntilItExpires()
    {
        var (jobUrl, expected) = await CompletedJobAsync(As("alice", AlicePassword), "signed link");
        var link = await SignAsync(As("alice", AlicePassword), jobUrl, "args");
        using var anonymous = As(null, null);
        using (var unsigned = await anonymous.GetAsync($"{jobUrl}/results/args"))
        {
            Assert.True(unsigned.StatusCode == HttpStatusCode.Unauthorized, "the plain result URL must still need credentials");
        }

        using (var response = await anonymous.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        }

        // The lifetime is three seconds; the expiry is checked to the second.
        await Task.Delay(TimeSpan.FromSeconds(5));
        using var expired = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkChangedInAnyPart_IsRefused()
    {
        var alice = As("alice", AlicePassword);
        var (jobUrl, _) = await CompletedJobAsync(alice, "tamper");
        var (otherJob, _) = await CompletedJobAsync(alice, "another job");
        var link = new Uri(await SignAsync(alice, jobUrl, "args"));
        var segments = link.AbsolutePath.Split('/');
        // /shared/{service}/{job}/{expires}/{signature}/{result}
        var expires = long.Parse(segments[4], System.Globalization.CultureInfo.InvariantCulture);
        var signature = segments[5];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        var tampered = new[]
        {
            Replace(segments, 3, JobFiles.JobId(otherJob)),
            Replace(segments, 4, (expires + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Replace(segments, 5, flipped),
            Replace(segments, 6, "stdout"),
            Replace(segments, 4, "never"),
            link.AbsolutePath + "?format=votable",
        };
        using var anonymous = As(null, null);
        foreach (var path in tampered)
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}, not 403");
        }
    }

    [Fact]
    public async Task OnlyTheOwner_GetsALink_AndOnlyForAResultTheJobHas()
    {
        var alice = As("alice", AlicePassword);
        var (jobUrl, _) = await CompletedJobAsync(alice, "owner scope");
        using (var bobs = await As("bob", BobPassword).PostAsync($"{jobUrl}/signed-urls", Form(("result", "args"))))
        {
            Assert.Equal(HttpStatusCode.Forbidden, bobs.StatusCode);
        }

        using (var nobody = await As(null, null).PostAsync($"{jobUrl}/signed-urls", Form(("result", "args"))))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        }

        using var missing = await alice.PostAsync($"{jobUrl}/signed-urls", Form(("result", "nothing")));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("args", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var format = await alice.PostAsync($"{jobUrl}/signed-urls", Form(("result", "args"), ("format", "fits")));
        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
    }

    [Fact]
    public async Task Server_RefusesToStart_WithASigningKeyTooShortToBeSafe()
    {
        var (exitCode, errors) = await ServerProcess.RunUntilExitAsync(
            Path.Combine(_folder, "data"), new Dictionary<string, string> { ["Meridian__Auth__SignedUrlKey"] = Convert.ToBase64String(new byte[16]) });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Meridian:Auth:SignedUrlKey must be base64 of at least 32 bytes", errors, StringComparison.Ordinal);
    }

    private static string Replace(string[] segments, int index, string value)
    {
        var copy = (string[])segments.Clone();
        copy[index] = value;
        return string.Join('/', copy);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<string> SignAsync(HttpClient http, string jobUrl, string result)
    {
        using var response = await http.PostAsync($"{jobUrl}/signed-urls", Form(("result", result)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("url").GetString()!;
    }

    private static async Task<(string JobUrl, byte[] Args)> CompletedJobAsync(HttpClient http, string text)
    {
        var client = new UwsClient(http);
        var job = await client.CreateAsync("echo", ("text", text), ("PHASE", "RUN"));
        Assert.Equal("COMPLETED", UwsClient.Phase(await client.WaitForEndAsync(job)));
        return (job, await http.GetByteArrayAsync($"{job}/results/args"));
    }

    private HttpClient As(string? user, string? password)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        if (user is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return http;
    }
}
