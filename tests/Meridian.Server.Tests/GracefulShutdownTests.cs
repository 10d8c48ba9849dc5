// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>SIGTERM: requests in flight finish (WAIT included), executing jobs get their grace period, queued jobs wait for the next start.</summary>
public sealed class GracefulShutdownTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-shutdown-").FullName;

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
    public async Task Sigterm_AnswersBlockedWaits_LetsExecutingJobsFinish_AndKeepsQueuedOnesQueued()
    {
        var settings = new Dictionary<string, string>
        {
            ["MaxConcurrentJobs"] = "1",
            ["MaxWaitSeconds"] = "600",
            ["ShutdownGracePeriod"] = "00:00:20",
        };
        string executing, queued;
        int port;
        using (var first = await ServerProcess.StartAsync(_data, settings))
        {
            port = first.BaseAddress.Port;
            using var http = UwsClient.CreateHttp(first.BaseAddress);
            var uws = new UwsClient(http);
            executing = await uws.CreateAsync("sleep", ("seconds", "3"), ("PHASE", "RUN"));
            Assert.Equal("EXECUTING", UwsClient.Phase(await uws.GetXmlAsync($"{executing}?WAIT=10&PHASE=QUEUED")));
            queued = await uws.CreateAsync("echo", ("text", "after the restart"), ("PHASE", "RUN"));
            // Blocked until the job changes or, capped at 600 s, far beyond the host's 30 s shutdown timeout.
            var blocked = http.GetAsync($"{queued}?WAIT=600");
            await Task.Delay(500);

            var exitCode = await first.TerminateAsync(TimeSpan.FromSeconds(60));

            using var answer = await blocked;
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(0, exitCode);
        }

        using var second = await ServerProcess.StartAsync(_data, settings, port);
        using var client = UwsClient.CreateHttp(second.BaseAddress);
        var again = new UwsClient(client);
        var finished = await again.GetXmlAsync(executing);
        Assert.Equal("COMPLETED", UwsClient.Phase(finished));
        Assert.Equal("COMPLETED", UwsClient.Phase(await again.WaitForEndAsync(queued)));
    }
}
