// SPDX-License-Identifier: MIT
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Web;

/// <summary>
/// {job}/results.zip (every result in one archive) and {job}/log/{stream} (the end of stdout or stderr, also while
/// the job runs), on a server with users: each for the job's owner and the administrator only.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ResultArchiveTests : IDisposable
{
    private const string AlicePassword = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-zip-").FullName;
    private readonly string _bobToken;
    private readonly string _rootToken;
    private readonly MeridianApplication _application;

    public ResultArchiveTests()
    {
        var users = Path.Combine(_folder, "users.json");
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--password-stdin", "--file", users], new StringReader(AlicePassword + "\n"), TextWriter.Null, TextWriter.Null));
        _bobToken = AddUser(users, "bob");
        _rootToken = AddUser(users, "root", "--admin");
        _application = new MeridianApplication(new Dictionary<string, string> { ["Meridian:Auth:UsersFile"] = users }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ResultsZip_HoldsEveryResultOfTheJob_ByItsIdAndExtension()
    {
        using var alice = As(Basic("alice", AlicePassword));
        var job = await new UwsClient(alice).CreateAsync("echo", ("text", "zipped <text>"), ("items", "3"), ("PHASE", "RUN"));
        var results = UwsClient.ResultLinks(await new UwsClient(alice).WaitForEndAsync(job));

        using var response = await alice.GetAsync($"{job}/results.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("-results.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.Equal(["args.txt", "stderr.txt", "stdout.txt"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in archive.Entries)
        {
            var id = Path.GetFileNameWithoutExtension(entry.FullName);
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync())
            {
                await stream.CopyToAsync(content);
            }

            var expected = await alice.GetByteArrayAsync(results[id]);
            Assert.True(content.ToArray().AsSpan().SequenceEqual(expected), $"{entry.FullName} differs from the result {id}");
        }

        using var args = new StreamReader(await archive.GetEntry("args.txt")!.OpenAsync(), Encoding.UTF8);
        Assert.StartsWith("zipped <text>\n", await args.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsZipAndLogs_AreForTheOwnerAndTheAdministratorOnly()
    {
        using var alice = As(Basic("alice", AlicePassword));
        using var bob = As(Bearer(_bobToken));
        using var root = As(Bearer(_rootToken));
        using var anonymous = As(null);
        var job = await new UwsClient(alice).CreateAsync("echo", ("text", "alice's secret"), ("PHASE", "RUN"));
        await new UwsClient(alice).WaitForEndAsync(job);

        foreach (var url in new[] { $"{job}/results.zip", $"{job}/log/stdout", $"{job}/log/stderr" })
        {
            using var other = await bob.GetAsync(url);
            using var nobody = await anonymous.GetAsync(url);
            using var admin = await root.GetAsync(url);
            Assert.True(other.StatusCode == HttpStatusCode.Forbidden, $"bob reading {url}: {(int)other.StatusCode}");
            Assert.DoesNotContain("alice's secret", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
    }

    [Fact]
    public async Task ResultsZip_OfAJobWithoutResults_AnswersNotFoundWithTheReason()
    {
        using var alice = As(Basic("alice", AlicePassword));
        var job = await new UwsClient(alice).CreateAsync("echo", ("text", "waiting"));

        using var response = await alice.GetAsync($"{job}/results.zip");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("has no results yet (phase PENDING)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_GivesTheEndOfAStream_AndRefusesAnUnknownStreamOrTail()
    {
        using var alice = As(Basic("alice", AlicePassword));
        var text = string.Join(' ', Enumerable.Range(1, 1000).Select(i => $"word{i}"));
        var job = await new UwsClient(alice).CreateAsync("echo", ("text", text), ("items", "7"), ("PHASE", "RUN"));
        await new UwsClient(alice).WaitForEndAsync(job);

        using var whole = JsonDocument.Parse(await alice.GetStringAsync($"{job}/log/stdout"));
        using var end = JsonDocument.Parse(await alice.GetStringAsync($"{job}/log/stdout?tail=100"));
        using var unknown = await alice.GetAsync($"{job}/log/args");
        using var huge = await alice.GetAsync($"{job}/log/stdout?tail=99999999");

        var stdout = await alice.GetStringAsync($"{job}/results/stdout");
        Assert.Equal(stdout, whole.RootElement.GetProperty("text").GetString());
        Assert.False(whole.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal(Encoding.UTF8.GetByteCount(stdout), end.RootElement.GetProperty("size").GetInt64());
        Assert.True(end.RootElement.GetProperty("truncated").GetBoolean());
        // The last 100 bytes, from the first whole line on: the last lines of the output (the first, 9 KB long, is cut).
        var tail = end.RootElement.GetProperty("text").GetString()!;
        Assert.EndsWith(tail, stdout, StringComparison.Ordinal);
        Assert.StartsWith("7\n", tail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("stdout and stderr", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    private static string AddUser(string users, string name, params string[] options)
    {
        var output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", name, .. options, "--file", users], TextReader.Null, output, TextWriter.Null));
        return output.ToString().Trim();
    }

    private HttpClient As(AuthenticationHeaderValue? credentials)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = credentials;
        return http;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
