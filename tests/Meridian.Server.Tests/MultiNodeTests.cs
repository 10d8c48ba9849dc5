// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>Two real server processes on one real PostgreSQL database and one shared data directory.</summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-nodes-").FullName;
    private PostgresDatabase _database = null!;
    private ServerProcess _a = null!;
    private ServerProcess _b = null!;

    private string Tally => Path.Combine(_data, "tally.txt");

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        // Both nodes start at once: the schema must come out right anyway.
        var starting = new[] { StartNodeAsync("a"), StartNodeAsync("b") };
        var nodes = await Task.WhenAll(starting);
        (_a, _b) = (nodes[0], nodes[1]);
    }

    public async Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact]
    public async Task FiveHundredJobs_SubmittedToBothNodes_EachRunExactlyOnce()
    {
        using var httpA = UwsClient.CreateHttp(_a.BaseAddress);
        using var httpB = UwsClient.CreateHttp(_b.BaseAddress);
        var clients = new[] { new UwsClient(httpA), new UwsClient(httpB) };
        var ids = new List<string>();
        for (var i = 0; i < 500; i++)
        {
            var url = await clients[i % 2].CreateAsync("tally", ("PHASE", "RUN"));
            ids.Add(JobFiles.JobId(url));
        }

        var clock = Stopwatch.StartNew();
        long completed = 0;
        while (completed < 500 && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(250);
            completed = await _database.ScalarAsync("SELECT count(*) FROM jobs WHERE phase = 'COMPLETED'");
        }

        Assert.Equal(500, completed);
        var runs = (await File.ReadAllLinesAsync(Tally)).Where(line => line.Length > 0).ToList();
        Assert.Equal(ids.Order(), runs.Order());
        var byNode = ids.GroupBy(id => File.ReadAllText(Path.Combine(_data, "jobs", id, "work", "node.txt")).Trim()).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byNode.Keys.Order().SequenceEqual(["a", "b"]), $"both nodes executed jobs: {string.Join(", ", byNode)}");
        var list = await clients[1].GetXmlAsync("/uws/tally?PHASE=COMPLETED");
        Assert.Equal(500, list.Root!.Elements().Count());
    }

    [Fact]
    public async Task Wait_OnOneNode_ReturnsWhenTheOtherNodeFinishesTheJob()
    {
        using var httpA = UwsClient.CreateHttp(_a.BaseAddress);
        using var httpB = UwsClient.CreateHttp(_b.BaseAddress);
        var url = await new UwsClient(httpA).CreateAsync("tally", ("seconds", "2"), ("PHASE", "RUN"));
        var id = JobFiles.JobId(url);
        var runner = await WhichNodeAsync(id);
        var other = runner == "a" ? new UwsClient(httpB) : new UwsClient(httpA);
        var path = $"/uws/tally/{id}";

        var clock = Stopwatch.StartNew();
        var job = await other.GetXmlAsync($"{path}?WAIT=110");

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Abort_ThroughOneNode_StopsTheProcessOnTheOther()
    {
        using var httpA = UwsClient.CreateHttp(_a.BaseAddress);
        using var httpB = UwsClient.CreateHttp(_b.BaseAddress);
        var url = await new UwsClient(httpA).CreateAsync("sleep", ("seconds", "300"), ("PHASE", "RUN"));
        var id = JobFiles.JobId(url);
        var pids = await JobFiles.WaitForFileAsync(Path.Combine(_data, "jobs", id, "work", "pids.txt"));
        var runner = await WhichSleepNodeAsync(id);
        var other = new UwsClient(runner == _a ? httpB : httpA);

        using (var abort = await other.PostAsync($"/uws/sleep/{id}/phase", ("PHASE", "ABORT")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, abort.StatusCode);
        }

        Assert.Equal("ABORTED", await other.PhaseAsync($"/uws/sleep/{id}"));
        await JobFiles.AssertProcessesEndAsync(pids);
    }

    [Fact]
    public async Task NodeKilledMidRun_HasItsJobsEndedInErrorByTheOtherNode()
    {
        using var httpA = UwsClient.CreateHttp(_a.BaseAddress);
        var url = await new UwsClient(httpA).CreateAsync("tally", ("seconds", "300"), ("PHASE", "RUN"));
        var id = JobFiles.JobId(url);
        var runner = await WhichNodeAsync(id);
        var (victim, survivor) = runner == "a" ? (_a, _b) : (_b, _a);

        victim.KillHard();
        using var http = UwsClient.CreateHttp(survivor.BaseAddress);
        var clock = Stopwatch.StartNew();
        var job = await new UwsClient(http).WaitForEndAsync($"/uws/tally/{id}", seconds: 120);

        Assert.Equal("ERROR", UwsClient.Phase(job));
        Assert.Contains($"node '{runner}'", UwsClient.ErrorSummary(job)!.Value);
        Assert.Contains("stopped responding", UwsClient.ErrorSummary(job)!.Value);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(90));

        // The killed node's job process is an orphan now; nobody else can reach it from another machine.
        var pid = int.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "jobs", id, "work", "pid.txt")), System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            using var orphan = Process.GetProcessById(pid);
            orphan.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    private Task<ServerProcess> StartNodeAsync(string name) =>
        ServerProcess.StartAsync(
            _data,
            new Dictionary<string, string>
            {
                ["NodeId"] = name,
                ["Store__Provider"] = "postgres",
                ["Store__ConnectionString"] = _database.ConnectionString,
                ["MaxConcurrentJobs"] = "2",
                ["NodeHeartbeatInterval"] = "00:00:00.5",
                ["NodeTimeout"] = "00:00:04",
                ["QueuePollInterval"] = "00:00:01",
            },
            environment: new Dictionary<string, string> { ["MERIDIAN_TEST_NODE"] = name, ["MERIDIAN_TEST_TALLY"] = Tally });

    private async Task<string> WhichNodeAsync(string id) =>
        (await JobFiles.WaitForFileAsync(Path.Combine(_data, "jobs", id, "work", "node.txt"))).Trim();

    private async Task<ServerProcess> WhichSleepNodeAsync(string id)
    {
        var node = await _database.ScalarAsync($"SELECT CASE node_id WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END FROM jobs WHERE id = '{id}'");
        Assert.True(node is 1 or 2, "the job is executing on a node");
        return node == 1 ? _a : _b;
    }
}
