// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class JobDispatcherTests
{
    [Fact]
    public async Task Dispatcher_EndsTheJobInErrorWithTheStderrTail_WhenTheProgramFails()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();

        var job = await engine.CreateAsync("tool", ("mode", "fail"), ("PHASE", "RUN"));

        var failed = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.ERROR);
        Assert.NotNull(failed.Error);
        Assert.Equal(ErrorType.Fatal, failed.Error.Type);
        Assert.True(failed.Error.HasDetail, "stderr holds the detail");
        Assert.Contains("exited with code 2", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("error: the catalog has no RA column", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains(failed.Results, r => r.Id == "stderr");
    }

    [Fact]
    public async Task Dispatcher_EndsTheJobInError_WhenTheProgramCannotStart()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();

        var job = await engine.CreateAsync("tool", ("mode", "unstartable"), ("PHASE", "RUN"));

        var failed = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.ERROR);
        Assert.Contains("could not be started", failed.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_AbortsTheJobWithASummary_WhenItExceedsItsExecutionDuration()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("EXECUTIONDURATION", "5"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Time.PendingTimers > 0, "the execution duration deadline to be set");

        engine.Time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(100);
        Assert.Equal(ExecutionPhase.EXECUTING, (await engine.GetAsync(job.Id)).Phase);
        engine.Time.Advance(TimeSpan.FromSeconds(1));

        var aborted = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.ABORTED);
        Assert.Contains("execution duration of 5 s", aborted.Error?.Message, StringComparison.Ordinal);
        Assert.Single(engine.Executor.Cancelled);
    }

    [Fact]
    public async Task Dispatcher_RunsTheJobToItsEnd_WhenItsExecutionDurationIsLongerThanATimerCanWait()
    {
        // A service without a maximum (max: 0) accepts any duration, even months: longer than Task.Delay's limit of about 49 days.
        var unlimited = TestServices.Fake() with { Limits = new ServiceLimits { MaxExecutionDuration = 0 } };
        await using var engine = new EngineHarness(4, unlimited);
        await engine.StartAsync();

        var job = await engine.CreateAsync("tool", ("EXECUTIONDURATION", "10000000"), ("PHASE", "RUN"));

        Assert.Equal(10_000_000, job.ExecutionDuration);
        var done = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.Null(done.Error);
    }

    [Fact]
    public async Task Dispatcher_NeverRunsMoreThanMaxConcurrentJobs_WhenMoreAreQueued()
    {
        await using var engine = new EngineHarness(maxConcurrentJobs: 2);
        await engine.StartAsync();
        var jobs = new List<Job>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN")));
        }

        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 2, "two executions");
        await Task.Delay(300);
        Assert.Equal(2, engine.Executor.RunningCount);
        Assert.Equal(3, (await engine.Store.ListQueuedAsync(10, CancellationToken.None)).Count);

        await DrainAsync(engine, jobs);
        Assert.Equal(2, engine.Executor.PeakTotal);
    }

    [Fact]
    public async Task Dispatcher_KeepsToTheServiceLimit_WhenThePoolHasRoomForMore()
    {
        await using var engine = new EngineHarness(4, TestServices.Fake("limited", concurrent: 1), TestServices.Fake("tool"));
        await engine.StartAsync();
        var jobs = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await engine.CreateAsync("limited", ("mode", "hang"), ("PHASE", "RUN")));
        }

        jobs.Add(await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN")));
        jobs.Add(await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN")));

        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 3, "one limited and two other executions");
        await Task.Delay(300);
        Assert.Equal(3, engine.Executor.RunningCount);

        await DrainAsync(engine, jobs);
        Assert.Equal(1, engine.Executor.Peak("limited"));
        Assert.Equal(2, engine.Executor.Peak("tool"));
    }

    [Fact]
    public async Task Dispatcher_StartsJobsInTheOrderTheyWereQueued_WhenTheyWaitForASlot()
    {
        await using var engine = new EngineHarness(maxConcurrentJobs: 1);
        await engine.StartAsync();
        var blocker = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the blocker to run");
        var a = await engine.CreateAsync();
        var b = await engine.CreateAsync();
        var c = await engine.CreateAsync();
        foreach (var job in new[] { c, a, b })
        {
            engine.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Null(await engine.Manager.RunAsync(job, CancellationToken.None));
        }

        engine.Executor.ReleaseAll();

        foreach (var job in new[] { a, b, c })
        {
            await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        }

        Assert.Equal([blocker.Id, c.Id, a.Id, b.Id], engine.Executor.Started);
    }

    [Fact]
    public async Task Dispatcher_EndsAnOrphanInError_WhenAJobWasLeftExecutingByAnEarlierServer()
    {
        await using var engine = new EngineHarness();
        var orphan = await engine.SeedAsync(ExecutionPhase.EXECUTING);
        await engine.Store.TrySetExecutorHandleAsync(orphan.Id, "fake-old", CancellationToken.None);

        await engine.StartAsync();

        var settled = await engine.WaitForPhaseAsync(orphan.Id, ExecutionPhase.ERROR);
        Assert.Contains("server stopped", settled.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorType.Transient, settled.Error?.Type);
        Assert.Contains("fake-old", engine.Executor.Cancelled);
    }

    [Fact]
    public async Task Dispatcher_StopsAnOrphanByItsJobId_WhenItsExecutorFindsExecutionsByJobId()
    {
        // No handle was stored for it: a server that died before it could have, or an executor that needs none.
        await using var engine = new EngineHarness();
        engine.Executor.HandleIsJobId = true;
        var orphan = await engine.SeedAsync(ExecutionPhase.EXECUTING);

        await engine.StartAsync();

        await engine.WaitForPhaseAsync(orphan.Id, ExecutionPhase.ERROR);
        Assert.Contains(orphan.Id, engine.Executor.Cancelled);
    }

    [Theory]
    [InlineData(false, "fake-1")]
    [InlineData(true, null)]
    public async Task Dispatcher_StoresTheHandle_OnlyWhenItIsNotTheJobId(bool handleIsJobId, string? stored)
    {
        await using var engine = new EngineHarness();
        engine.Executor.HandleIsJobId = handleIsJobId;
        await engine.StartAsync();
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");
        // The handle is stored, when it is, before the dispatcher waits for the execution to end.
        engine.Executor.ReleaseAll();
        var ended = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);

        Assert.Equal(stored, ended.ExecutorHandle);
    }

    [Fact]
    public async Task StopAsync_EndsExecutingJobsInTransientError_WhenTheServerShutsDown()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");

        await engine.Dispatcher.StopAsync(CancellationToken.None);

        var stopped = await engine.GetAsync(job.Id);
        Assert.Equal((ExecutionPhase.ERROR, ErrorType.Transient), (stopped.Phase, stopped.Error?.Type));
        Assert.Contains("shut down", stopped.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatcher_EndsAQueuedJobInError_WhenItsServiceIsNoLongerOffered()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.QUEUED, service: "retired");

        await engine.StartAsync();

        var failed = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.ERROR);
        Assert.Contains("'retired' is no longer offered", failed.Error?.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Executor.Started);
    }

    /// <summary>Lets hanging jobs finish, one wave at a time, until every job has completed.</summary>
    private static async Task DrainAsync(EngineHarness engine, List<Job> jobs)
    {
        await engine.WaitUntilAsync(async () =>
        {
            engine.Executor.ReleaseAll();
            foreach (var job in jobs)
            {
                if ((await engine.GetAsync(job.Id)).Phase != ExecutionPhase.COMPLETED)
                {
                    return false;
                }
            }

            return true;
        }, "every job to complete");
    }
}
