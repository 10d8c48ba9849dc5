// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>PostgreSQL stopped and restarted under a running node: 503s meanwhile, nothing lost, recovery by itself.</summary>
public sealed class PostgresOutageTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-outage-").FullName;

    public void Dispose()
    {
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
    public async Task Node_Answers503WhileTheDatabaseIsDown_AndRecoversWithNothingLost()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        var tally = Path.Combine(_data, "tally.txt");
        using var node = await ServerProcess.StartAsync(
            _data,
            new Dictionary<string, string>
            {
                ["NodeId"] = "solo",
                ["Store__Provider"] = "postgres",
                ["Store__ConnectionString"] = postgres.ConnectionString,
                ["NodeHeartbeatInterval"] = "00:00:00.5",
                ["NodeTimeout"] = "00:00:03",
            },
            environment: new Dictionary<string, string> { ["MERIDIAN_TEST_TALLY"] = tally, ["MERIDIAN_TEST_NODE"] = "solo" });
        using var http = UwsClient.CreateHttp(node.BaseAddress);
        var uws = new UwsClient(http);
        var finished = await uws.CreateAsync("tally", ("PHASE", "RUN"));
        await uws.WaitForEndAsync(finished);
        var pending = await uws.CreateAsync("tally", ("seconds", "1"));
        var running = await uws.CreateAsync("tally", ("seconds", "3"), ("PHASE", "RUN"));
        await uws.GetXmlAsync($"{running}?WAIT=5&PHASE=QUEUED");
        Assert.Equal("EXECUTING", await uws.PhaseAsync(running));

        await postgres.StopServerAsync();

        using (var refused = await http.GetAsync(running))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("database cannot be reached", await refused.Content.ReadAsStringAsync());
            Assert.NotNull(refused.Headers.RetryAfter);
        }

        using (var refusedCreation = await uws.PostAsync("/uws/tally", ("seconds", "1")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refusedCreation.StatusCode);
        }

        // The job goes on without the database and ends while it is still down.
        for (var i = 0; i < 100 && !(File.Exists(tally) && (await File.ReadAllLinesAsync(tally)).Length >= 2); i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, (await File.ReadAllLinesAsync(tally)).Length);
        await postgres.StartServerAsync();

        var job = await uws.WaitForEndAsync(running, seconds: 60);
        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.Equal("COMPLETED", await uws.PhaseAsync(finished));
        Assert.Equal("PENDING", await uws.PhaseAsync(pending));
        using (var run = await uws.PostAsync(pending + "/phase", ("PHASE", "RUN")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, run.StatusCode);
        }

        Assert.Equal("COMPLETED", UwsClient.Phase(await uws.WaitForEndAsync(pending)));
        var fresh = await uws.CreateAsync("tally", ("PHASE", "RUN"));
        Assert.Equal("COMPLETED", UwsClient.Phase(await uws.WaitForEndAsync(fresh)));
    }
}
