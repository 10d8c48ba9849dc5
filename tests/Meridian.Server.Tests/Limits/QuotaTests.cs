// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using Meridian.Cli;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Limits;

/// <summary>
/// Meridian:Quotas against a real server, with two users and an administrator: each limit refused with its
/// name and value, nothing of the refused job left behind, other users and the administrator unaffected.
/// Run on each store (SqliteQuotaTests, PostgresQuotaTests).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract class QuotaTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-quota-").FullName;
    private readonly Dictionary<string, string> _tokens = [];
    private MeridianApplication _application = null!;

    /// <summary>The store settings of the server under test.</summary>
    protected abstract Task<IDictionary<string, string>> StoreSettingsAsync();

    public async Task InitializeAsync()
    {
        var users = Path.Combine(_folder, "users.json");
        foreach (var (name, admin) in new[] { ("alice", false), ("bob", false), ("root", true) })
        {
            var output = new StringWriter();
            string[] arguments = admin ? ["add", name, "--admin", "--file", users] : ["add", name, "--file", users];
            Assert.Equal(0, UsersCommand.Run(arguments, TextReader.Null, output, TextWriter.Null));
            _tokens[name] = output.ToString().Trim();
        }

        var settings = new Dictionary<string, string>(await StoreSettingsAsync())
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:Quotas:MaxActiveJobs"] = "2",
            ["Meridian:Quotas:MaxStoredJobs"] = "3",
            ["Meridian:Quotas:MaxStoredBytes"] = "1000",
        };
        _application = new MeridianApplication(settings, null);
    }

    public virtual Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(_folder))
        {
            _application?.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private UwsClient As(string? user)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = user is null ? null : new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return new UwsClient(http);
    }

    private static async Task<int> CountJobsAsync(UwsClient client, string service) =>
        (await client.GetXmlAsync("/uws/" + service)).Descendants(UwsClient.Uws + "jobref").Count();

    private static async Task<HttpResponseMessage> UploadAsync(UwsClient client, int bytes)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[bytes]), "data", "data.bin" },
        };
        return await client.Http.PostAsync("/uws/upload", form);
    }

    [Fact]
    public async Task Create_Answers429NamingMaxActiveJobs_WhenTheUserHasThatManyActiveJobs()
    {
        var alice = As("alice");
        var first = await alice.CreateAsync("echo");
        await alice.CreateAsync("echo");

        using var refused = await alice.PostAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("MaxActiveJobs = 2", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await CountJobsAsync(alice, "echo"));

        // Other users and the administrator have their own quota, or none.
        await As("bob").CreateAsync("echo");
        await As("root").CreateAsync("echo");
        await As("root").CreateAsync("echo");
        await As("root").CreateAsync("echo");

        // A job that is no longer active frees its place.
        using var abort = await alice.PostAsync(first + "/phase", ("PHASE", "ABORT"));
        await alice.CreateAsync("echo");
    }

    [Fact]
    public async Task SyncRun_IsRefusedByTheSameQuota_BeforeAnyJobExists()
    {
        var alice = As("alice");
        await alice.CreateAsync("echo");
        await alice.CreateAsync("echo");

        using var refused = await alice.Http.GetAsync("/sync/echo?text=over");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("MaxActiveJobs = 2", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await CountJobsAsync(alice, "echo"));
    }

    [Fact]
    public async Task Create_Answers403NamingMaxStoredJobs_UntilAJobIsDeleted()
    {
        var alice = As("alice");
        var jobs = new[] { await alice.CreateAsync("echo"), await alice.CreateAsync("echo") };
        foreach (var job in jobs)
        {
            using var abort = await alice.PostAsync(job + "/phase", ("PHASE", "ABORT"));
        }

        await alice.CreateAsync("echo");

        using var refused = await alice.PostAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("MaxStoredJobs = 3", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await CountJobsAsync(alice, "echo"));
        using var deleted = await alice.Http.DeleteAsync(jobs[0]);
        await alice.CreateAsync("echo");
    }

    [Fact]
    public async Task Create_Answers413NamingMaxStoredBytes_AndLeavesNoFiles_WhenUploadsWouldPassIt()
    {
        var alice = As("alice");
        using var accepted = await UploadAsync(alice, 600);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        var folders = Directory.GetDirectories(Path.Combine(_application.DataDirectory, "jobs"));

        using var refused = await UploadAsync(alice, 600);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("MaxStoredBytes = 1000", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountJobsAsync(alice, "upload"));
        Assert.Equal(folders, Directory.GetDirectories(Path.Combine(_application.DataDirectory, "jobs")));
        using var bobs = await UploadAsync(As("bob"), 600);
        Assert.Equal(HttpStatusCode.SeeOther, bobs.StatusCode);
    }

    [Fact]
    public async Task Create_CountsAllAnonymousCallersAsOneUser()
    {
        var one = As(null);
        var another = As(null);
        await one.CreateAsync("fail");
        await another.CreateAsync("fail");

        using var refused = await one.PostAsync("/uws/fail");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("anonymous", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SqliteQuotaTests : QuotaTests
{
    protected override Task<IDictionary<string, string>> StoreSettingsAsync() =>
        Task.FromResult<IDictionary<string, string>>(new Dictionary<string, string>());
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresQuotaTests : QuotaTests
{
    private PostgresDatabase? _database;

    protected override async Task<IDictionary<string, string>> StoreSettingsAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        return new Dictionary<string, string>
        {
            ["Meridian:Store:Provider"] = "postgres",
            ["Meridian:Store:ConnectionString"] = _database.ConnectionString,
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
