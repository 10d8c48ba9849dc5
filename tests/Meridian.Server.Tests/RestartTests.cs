// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>kill -9 of the server while jobs run, then a restart on the same data: nothing lost, nothing stuck.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-restart-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    [Fact]
    public async Task Restart_AfterKill9_EndsExecutingJobsInError_RunsQueuedOnes_AndKeepsTheRest()
    {
        var settings = new Dictionary<string, string> { ["MaxConcurrentJobs"] = "1", ["QueuePollInterval"] = "00:00:00.5" };
        string executing, queued, pending, completed;
        int port;
        using (var first = await ServerProcess.StartAsync(_data, settings))
        {
            port = first.BaseAddress.Port;
            using var http = UwsClient.CreateHttp(first.BaseAddress);
            var uws = new UwsClient(http);
            completed = await uws.CreateAsync("echo", ("text", "before the crash"), ("PHASE", "RUN"));
            await uws.WaitForEndAsync(completed);
            executing = await uws.CreateAsync("sleep", ("seconds", "300"), ("PHASE", "RUN"));
            await uws.GetXmlAsync($"{executing}?WAIT=3&PHASE=QUEUED");
            Assert.Equal("EXECUTING", await uws.PhaseAsync(executing));
            await JobFiles.WaitForFileAsync(Path.Combine(_data, "jobs", JobFiles.JobId(executing), "work", "pids.txt"));
            queued = await uws.CreateAsync("echo", ("text", "queued at the crash"), ("PHASE", "RUN"));
            pending = await uws.CreateAsync("echo", ("text", "pending at the crash"));
            Assert.Equal("QUEUED", await uws.PhaseAsync(queued));

            first.KillHard();
        }

        var pids = (await File.ReadAllTextAsync(Path.Combine(_data, "jobs", JobFiles.JobId(executing), "work", "pids.txt"))).Split(' ', StringSplitOptions.TrimEntries);
        using var second = await ServerProcess.StartAsync(_data, settings, port);
        using var client = UwsClient.CreateHttp(second.BaseAddress);
        var again = new UwsClient(client);

        var crashed = await again.WaitForEndAsync(executing);
        Assert.Equal("ERROR", UwsClient.Phase(crashed));
        Assert.Contains("server stopped while this job was executing", UwsClient.ErrorSummary(crashed)!.Value);
        Assert.True(UwsClient.ResultLinks(crashed).ContainsKey("partial"), "what the job wrote before the crash is still listed");
        Assert.Equal("COMPLETED", UwsClient.Phase(await again.WaitForEndAsync(queued)));
        Assert.Contains("queued at the crash", await again.GetTextAsync(UwsClient.ResultLinks(await again.GetXmlAsync(queued))["args"]));
        Assert.Equal("PENDING", await again.PhaseAsync(pending));
        Assert.Contains(("text", "pending at the crash"), UwsClient.Parameters(await again.GetXmlAsync(pending)));
        Assert.Equal("COMPLETED", await again.PhaseAsync(completed));
        Assert.Equal("before the crash\n1\n2\nx=1,2\n", await again.GetTextAsync(completed + "/results/args"));
        foreach (var pid in pids)
        {
            Assert.False(JobFiles.IsRunning(pid), $"the crashed job's process {pid} was left running");
        }

        using var list = await client.GetAsync("/uws/echo");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
