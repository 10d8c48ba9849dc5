// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>
/// Services with executor: slurm, on a real server and the real single-node SLURM: phases that follow the
/// scheduler, the jobs' callbacks, aborts, time limits, refusals, an unreachable scheduler, a restart.
/// </summary>
/// <remarks>
/// Unless a test says otherwise the reconciliation with SLURM runs every 10 minutes, far beyond every wait
/// here: what these jobs' phases do, they do through callbacks and the executor's own looks after a cancel.
/// </remarks>
[Collection(SlurmServerCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SlurmServerTests : IDisposable
{
    private MeridianApplication? _application;

    public void Dispose() => _application?.Dispose();

    private UwsClient Start(Dictionary<string, string>? settings = null)
    {
        // WAIT=30 in these tests means 30 s: the test server's usual cap of 3 s would end a wait for the
        // scheduler to start a job before a loaded one-node cluster gets to it.
        var all = new Dictionary<string, string> { ["Meridian:Slurm:ReconciliationInterval"] = "00:10:00", ["Meridian:MaxWaitSeconds"] = "30" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _application = new MeridianApplication(all, SlurmJobs.ServicesDirectory);
        return new UwsClient(_application.Client);
    }

    [Fact]
    public async Task BatchJob_GoesFromQueuedThroughExecutingToCompleted_WithItsResults()
    {
        var uws = Start();

        var job = await uws.CreateAsync("batch", ("seconds", "2"), ("text", "from the cluster"), ("PHASE", "RUN"));
        var executing = await uws.GetXmlAsync($"{job}?WAIT=30&PHASE=QUEUED");
        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("EXECUTING", UwsClient.Phase(executing));
        Assert.NotNull(UwsClient.Value(executing, "startTime"));
        Assert.Equal("COMPLETED", UwsClient.Phase(done));
        var results = UwsClient.ResultLinks(done);
        Assert.Equal("from the cluster\n", await uws.GetTextAsync(results["out"]));
        var slurm = Assert.Single(await SlurmJobs.ByMeridianJobAsync(job));
        Assert.Contains($"ran as SLURM job {slurm.Id}", await uws.GetTextAsync(results["stdout"]));
    }

    [Fact]
    public async Task BatchJob_EndsInErrorNamingSlurmsStateTheExitCodeAndStderr_WhenTheProgramFails()
    {
        var uws = Start();

        var job = await uws.CreateAsync("batch", ("code", "7"), ("PHASE", "RUN"));
        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("ERROR", UwsClient.Phase(done));
        var summary = await uws.GetTextAsync($"{job}/error");
        Assert.Contains("exited with code 7", summary);
        Assert.Contains("FAILED", summary);
        Assert.Contains("work.sh: failing on purpose with code 7", summary);
    }

    [Fact]
    public async Task BatchJob_EndsInErrorWithSlurmsReason_WhenSbatchRefusesIt()
    {
        var uws = Start();

        var job = await uws.CreateAsync("nowhere", ("PHASE", "RUN"));
        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("ERROR", UwsClient.Phase(done));
        Assert.Contains("Invalid partition name specified", await uws.GetTextAsync($"{job}/error"));
        Assert.Empty(await SlurmJobs.ByMeridianJobAsync(job));
    }

    [Fact]
    public async Task BatchJob_StaysQueuedWhileSlurmHoldsItPending_QuotedFromItsExpectedStart_AndAnAbortCancelsItThere()
    {
        var uws = Start(new() { ["Meridian:Slurm:ReconciliationInterval"] = "00:00:01" });

        var job = await uws.CreateAsync("later", ("PHASE", "RUN"));
        var created = DateTimeOffset.UtcNow;
        var pending = await WaitForSlurmStateAsync(job, "PENDING");
        Assert.Equal("QUEUED", await uws.PhaseAsync(job));
        var duration = int.Parse(await uws.GetTextAsync($"{job}/executionduration"), System.Globalization.CultureInfo.InvariantCulture);
        var quote = await WaitForQuoteAsync(uws, job);
        // SLURM starts it no sooner than in an hour (--begin=now+1hour): the quote is that start plus the duration.
        Assert.InRange(quote, created.AddHours(1).AddSeconds(duration - 5), created.AddHours(1).AddSeconds(duration + 60));

        using var abort = await uws.PostAsync($"{job}/phase", ("PHASE", "ABORT"));
        Assert.Equal(HttpStatusCode.SeeOther, abort.StatusCode);

        Assert.Equal("ABORTED", await uws.PhaseAsync(job));
        Assert.Equal((pending.Id, "CANCELLED"), await WaitForSlurmStateAsync(job, "CANCELLED"));
    }

    [Fact]
    public async Task BatchJob_IsCancelledInSlurm_WhenAbortedWhileRunning()
    {
        var uws = Start();
        var job = await uws.CreateAsync("batch", ("seconds", "300"), ("PHASE", "RUN"));
        Assert.Equal("EXECUTING", UwsClient.Phase(await uws.GetXmlAsync($"{job}?WAIT=30&PHASE=QUEUED")));

        using var abort = await uws.PostAsync($"{job}/phase", ("PHASE", "ABORT"));

        Assert.Equal(HttpStatusCode.SeeOther, abort.StatusCode);
        Assert.Equal("ABORTED", await uws.PhaseAsync(job));
        await WaitForSlurmStateAsync(job, "CANCELLED");
    }

    [Fact]
    public async Task BatchJob_IsAbortedWithASummary_WhenItExceedsItsExecutionDuration()
    {
        var uws = Start();
        var job = await uws.CreateAsync("batch", ("seconds", "300"));
        using (var duration = await uws.PostAsync($"{job}/executionduration", ("EXECUTIONDURATION", "3")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, duration.StatusCode);
        }

        using (await uws.PostAsync($"{job}/phase", ("PHASE", "RUN")))
        {
        }

        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("ABORTED", UwsClient.Phase(done));
        Assert.Contains("execution duration of 3 s", await uws.GetTextAsync($"{job}/error"));
        var (_, state) = Assert.Single(await SlurmJobs.ByMeridianJobAsync(job));
        Assert.True(state is "CANCELLED" or "COMPLETING" or "TIMEOUT", $"SLURM says {state}");
    }

    [Fact]
    public async Task Callbacks_AreRefused_WithoutTheJobsSecret()
    {
        var uws = Start();
        var job = await uws.CreateAsync("batch", ("seconds", "300"), ("PHASE", "RUN"));
        Assert.Equal("EXECUTING", UwsClient.Phase(await uws.GetXmlAsync($"{job}?WAIT=30&PHASE=QUEUED")));
        var id = JobFiles.JobId(job);
        var secret = Path.Combine(_application!.JobFolder(id), "callback.secret");

        using var forged = await uws.Http.PostAsync($"/executions/{id}/ended?exit=0", new StringContent(new string('0', 64)));
        using var empty = await uws.Http.PostAsync($"/executions/{id}/ended?exit=0", new StringContent(""));
        using var unknown = await uws.Http.PostAsync("/executions/AAAAAAAAAAAAAAAAAAAAAA/ended?exit=0", new StringContent(await File.ReadAllTextAsync(secret)));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret));
        Assert.Equal("EXECUTING", UwsClient.Phase(await uws.GetXmlAsync($"{job}?WAIT=2&PHASE=EXECUTING")));
        using (await uws.PostAsync($"{job}/phase", ("PHASE", "ABORT")))
        {
        }
    }

    [Fact]
    public async Task Reconciliation_NoticesTheEnd_WhenTheCallbacksAreLost()
    {
        var uws = Start(new()
        {
            ["Meridian:Slurm:CallbackCommand"] = "/nonexistent/curl",
            ["Meridian:Slurm:ReconciliationInterval"] = "00:00:02",
        });

        var job = await uws.CreateAsync("batch", ("text", "no callback"), ("PHASE", "RUN"));
        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("COMPLETED", UwsClient.Phase(done));
        Assert.NotNull(UwsClient.Value(done, "startTime"));
        Assert.Equal("no callback\n", await uws.GetTextAsync(UwsClient.ResultLinks(done)["out"]));
    }

    [Fact]
    public async Task Jobs_WaitQueued_WhileTheSchedulerDoesNotAnswer_AndAreSubmittedOnceItDoes()
    {
        var folder = Directory.CreateTempSubdirectory("meridian-sbatch-").FullName;
        var flag = Path.Combine(folder, "answer");
        var sbatch = Path.Combine(folder, "sbatch");
        await File.WriteAllTextAsync(sbatch, $"""
            #!/bin/sh
            if [ -e '{flag}' ]; then exec sbatch "$@"; fi
            echo 'sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)' >&2
            exit 1
            """);
        File.SetUnixFileMode(sbatch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var uws = Start(new() { ["Meridian:Slurm:SbatchPath"] = sbatch, ["Meridian:Slurm:ReconciliationInterval"] = "00:00:01" });

        var job = await uws.CreateAsync("batch", ("text", "submitted later"), ("PHASE", "RUN"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("QUEUED", await uws.PhaseAsync(job));
        Assert.Empty(await SlurmJobs.ByMeridianJobAsync(job));

        await File.WriteAllTextAsync(flag, "");
        var done = await uws.WaitForEndAsync(job, 60);

        Assert.Equal("COMPLETED", UwsClient.Phase(done));
        Assert.Single(await SlurmJobs.ByMeridianJobAsync(job));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SeveralJobs_RunTogether_WhileMoreWaitInSlurmsQueue()
    {
        var uws = Start();

        var jobs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await uws.CreateAsync("batch", ("seconds", "3"), ("text", $"job {i}"), ("PHASE", "RUN")));
        }

        var ends = new List<Interval>();
        foreach (var job in jobs)
        {
            var done = await uws.WaitForEndAsync(job, 90);
            Assert.Equal("COMPLETED", UwsClient.Phase(done));
            Assert.Single(await SlurmJobs.ByMeridianJobAsync(job));
            ends.Add(new Interval(
                DateTimeOffset.Parse(UwsClient.Value(done, "startTime")!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(UwsClient.Value(done, "endTime")!, System.Globalization.CultureInfo.InvariantCulture)));
        }

        // Two processors: some jobs ran at the same time, and not all five did.
        var overlapping = ends.Max(a => ends.Count(b => b.Start < a.End && a.Start < b.End));
        Assert.InRange(overlapping, 2, 4);
    }

    [Fact]
    public async Task Restart_AfterKill9_FollowsTheJobsStillInSlurm_AndSubmitsNothingTwice()
    {
        var data = Directory.CreateTempSubdirectory("meridian-slurm-restart-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ServicesDirectory"] = SlurmJobs.ServicesDirectory,
            ["Slurm__ReconciliationInterval"] = "00:10:00",
        };
        string running, pending;
        int port;
        using (var first = await ServerProcess.StartAsync(data, settings))
        {
            port = first.BaseAddress.Port;
            using var http = UwsClient.CreateHttp(first.BaseAddress);
            var uws = new UwsClient(http);
            running = await uws.CreateAsync("batch", ("seconds", "8"), ("text", "across the restart"), ("PHASE", "RUN"));
            pending = await uws.CreateAsync("later", ("text", "released after the restart"), ("PHASE", "RUN"));
            Assert.Equal("EXECUTING", UwsClient.Phase(await uws.GetXmlAsync($"{running}?WAIT=30&PHASE=QUEUED")));
            await WaitForSlurmStateAsync(pending, "PENDING");

            first.KillHard();
        }

        using var second = await ServerProcess.StartAsync(data, settings, port);
        using var client = UwsClient.CreateHttp(second.BaseAddress);
        var again = new UwsClient(client);

        Assert.Equal("QUEUED", await again.PhaseAsync(pending));
        var finished = await again.WaitForEndAsync(running, 60);
        Assert.Equal("COMPLETED", UwsClient.Phase(finished));
        Assert.Equal("across the restart\n", await again.GetTextAsync(UwsClient.ResultLinks(finished)["out"]));

        var (slurmId, _) = Assert.Single(await SlurmJobs.ByMeridianJobAsync(pending));
        await SlurmJobs.RunAsync("scontrol", "update", $"JobId={slurmId}", "StartTime=now");
        var released = await again.WaitForEndAsync(pending, 60);
        Assert.Equal("COMPLETED", UwsClient.Phase(released));
        Assert.Equal("released after the restart\n", await again.GetTextAsync(UwsClient.ResultLinks(released)["out"]));
        Assert.Single(await SlurmJobs.ByMeridianJobAsync(running));
        Assert.Single(await SlurmJobs.ByMeridianJobAsync(pending));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Server_RefusesToStart_WhenAServiceNeedsSlurmAndItsCommandsAreMissing()
    {
        var data = Directory.CreateTempSubdirectory("meridian-no-slurm-").FullName;
        var (exitCode, errors) = await ServerProcess.RunUntilExitAsync(data, new Dictionary<string, string>
        {
            ["Meridian__ServicesDirectory"] = SlurmJobs.ServicesDirectory,
            ["Meridian__Slurm__SbatchPath"] = "/opt/no-slurm-here/sbatch",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("executor: slurm, but SLURM's command '/opt/no-slurm-here/sbatch' is not installed on this machine", errors);
        Directory.Delete(data, recursive: true);
    }

    private static async Task<DateTimeOffset> WaitForQuoteAsync(UwsClient uws, string jobUrl)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var quote = await uws.GetTextAsync($"{jobUrl}/quote");
            if (quote.Length > 0)
            {
                return DateTimeOffset.Parse(quote, System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the queued job never got a quote");
            await Task.Delay(200);
        }
    }

    private static async Task<(string Id, string State)> WaitForSlurmStateAsync(string jobUrl, string state)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var jobs = await SlurmJobs.ByMeridianJobAsync(jobUrl);
            if (jobs.Count == 1 && jobs[0].State == state)
            {
                return jobs[0];
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"SLURM never showed the job {state}: {string.Join(", ", jobs)}");
            await Task.Delay(200);
        }
    }

    private sealed record Interval(DateTimeOffset Start, DateTimeOffset End);
}
