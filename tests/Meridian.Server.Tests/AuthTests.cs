// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Meridian.Cli;
using Meridian.Cli.Users;
using Meridian.Users;

namespace Meridian.Server.Tests;

/// <summary>
/// A server with a users file: two users and an administrator. Nobody sees or touches another's jobs (403,
/// as UWS 1.1 §2.2 says), credentials that prove nothing are refused, the anonymous service is open.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class AuthTests : IDisposable
{
    private const string AlicePassword = "correct horse battery staple";
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-auth-").FullName;
    private readonly string _bobToken;
    private readonly string _rootToken;
    private readonly MeridianApplication _application;

    public AuthTests()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>The same tests on another store (PostgresAuthTests): <paramref name="storeSettings"/> choose it.</summary>
    protected AuthTests(IDictionary<string, string> storeSettings)
    {
        var users = Path.Combine(_folder, "users.json");
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--password-stdin", "--file", users], new StringReader(AlicePassword + "\n"), TextWriter.Null, TextWriter.Null));
        var output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", "bob", "--file", users], TextReader.Null, output, TextWriter.Null));
        _bobToken = output.ToString().Trim();
        output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", "root", "--admin", "--file", users], TextReader.Null, output, TextWriter.Null));
        _rootToken = output.ToString().Trim();
        _application = new MeridianApplication(new Dictionary<string, string>(storeSettings) { ["Meridian:Auth:UsersFile"] = users }, null);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _application.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
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

    [Fact]
    public async Task UsersFile_KeepsOnlyHashes_ReadableByItsOwnerOnly()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(_folder, "users.json"));

        Assert.DoesNotContain(AlicePassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(_bobToken, text, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$", text, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "users.json")));
    }

    [Fact]
    public async Task Requests_WithoutCredentials_AreAskedToSignIn_ExceptForAnAnonymousService()
    {
        using var anonymous = As(null);

        using var list = await anonymous.GetAsync("/uws/echo");
        using var index = await anonymous.GetAsync("/uws");
        using var open = await anonymous.PostAsync("/uws/fail", new FormUrlEncodedContent([new("PHASE", "RUN")]));

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Contains("Basic", list.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, open.StatusCode);
    }

    [Theory]
    [InlineData("Basic", "alice:wrong password")]
    [InlineData("Basic", "nobody:correct horse battery staple")]
    [InlineData("Bearer", "mrd_forged-token")]
    [InlineData("Basic", "%%% not base64")]
    [InlineData("Digest", "username=alice")]
    public async Task Requests_WithCredentialsThatProveNothing_AreRefused_EvenWhereNoneAreNeeded(string scheme, string credentials)
    {
        var parameter = scheme == "Basic" && !credentials.StartsWith('%') ? Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)) : credentials;
        using var http = As(new AuthenticationHeaderValue(scheme, parameter));

        using var jobs = await http.GetAsync("/uws/echo");
        using var index = await http.GetAsync("/uws");

        Assert.Equal(HttpStatusCode.Unauthorized, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, index.StatusCode);
    }

    [Fact]
    public async Task Jobs_AreSeenAndTouchedByTheirOwnerOnly_AndByTheAdministrator()
    {
        using var alice = As(Basic("alice", AlicePassword));
        using var bob = As(Bearer(_bobToken));
        using var root = As(Bearer(_rootToken));
        var job = await new UwsClient(alice).CreateAsync("echo", ("text", "alice's"), ("PHASE", "RUN"));
        var done = await new UwsClient(alice).WaitForEndAsync(job);
        Assert.Equal("alice", UwsClient.Value(done, "ownerId"));
        var result = UwsClient.ResultLinks(done)["args"];

        foreach (var url in new[] { job, $"{job}/phase", $"{job}/parameters", $"{job}/results", result, $"{job}?WAIT=1", $"{job}/owner", $"{job}/provenance" })
        {
            using var read = await bob.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.Forbidden, $"bob reading {url}: {(int)read.StatusCode}");
            Assert.DoesNotContain("alice's", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var abort = await bob.PostAsync($"{job}/phase", new FormUrlEncodedContent([new("PHASE", "ABORT")])))
        using (var delete = await bob.DeleteAsync(job))
        using (var destruction = await bob.PostAsync($"{job}/destruction", new FormUrlEncodedContent([new("DESTRUCTION", "2030-01-01T00:00:00Z")])))
        {
            Assert.Equal(HttpStatusCode.Forbidden, abort.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, destruction.StatusCode);
        }

        Assert.DoesNotContain(JobFiles.JobId(job), await bob.GetStringAsync("/uws/echo"), StringComparison.Ordinal);
        Assert.Contains(JobFiles.JobId(job), await alice.GetStringAsync("/uws/echo"), StringComparison.Ordinal);
        Assert.Contains(JobFiles.JobId(job), await root.GetStringAsync("/uws/echo"), StringComparison.Ordinal);
        Assert.Equal("COMPLETED", await new UwsClient(root).PhaseAsync(job));
        Assert.Contains("alice's", await alice.GetStringAsync(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_RefusesToStart_WhenItsUsersFileIsMissing()
    {
        var (exitCode, errors) = await ServerProcess.RunUntilExitAsync(
            Path.Combine(_folder, "data"), new Dictionary<string, string> { ["Meridian__Auth__UsersFile"] = Path.Combine(_folder, "absent.json") });

        Assert.Equal(2, exitCode);
        Assert.Contains("absent.json does not exist (create it with: meridian users add NAME", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void UsersCommand_RefusesAShortPassword_AndASecondUserOfTheSameName()
    {
        var users = Path.Combine(_folder, "users.json");

        Assert.Equal(2, UsersCommand.Run(["add", "carol", "--password-stdin", "--file", users], new StringReader("short\n"), TextWriter.Null, TextWriter.Null));
        Assert.Equal(1, UsersCommand.Run(["add", "bob", "--file", users], TextReader.Null, TextWriter.Null, TextWriter.Null));
        Assert.Equal(["alice", "bob", "root"], UsersFile.Load(users).Select(user => user.Name));
    }
}
