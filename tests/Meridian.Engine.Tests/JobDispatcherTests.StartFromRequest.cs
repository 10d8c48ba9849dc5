// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>A job asked to run starts from the request that asked, when a slot is free and no job waits before it.</summary>
public sealed partial class JobDispatcherTests
{
    [Fact]
    public async Task Dispatcher_HasStartedTheJobWhenItsCreatorIsAnswered_WhenASlotIsFreeAndNoJobWaits()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the first look at the (empty) queue");

        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));

        // Read at once, with no wait: the job was stored claimed, by this node.
        var stored = await engine.GetAsync(job.Id);
        Assert.Equal(ExecutionPhase.EXECUTING, stored.Phase);
        Assert.Equal(engine.Options.NodeId, stored.NodeId);
        Assert.Equal(stored.CreationTime, stored.StartTime);
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");
        engine.Executor.ReleaseAll();
        var done = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.Equal(stored.StartTime, done.StartTime);
    }

    [Fact]
    public async Task Dispatcher_LetsNoNewJobPassTheQueuedOnes_WhenItHasNotTakenThemYet()
    {
        // Queued in the store (as another node would) before this server has looked at its queue: it does not know
        // of that job yet, and must not let a new one take the one slot first.
        await using var engine = new EngineHarness(maxConcurrentJobs: 1);
        var first = await engine.SeedAsync(ExecutionPhase.PENDING);
        Assert.True(await engine.Store.TrySetPhaseAsync(first.Id, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, engine.Time.GetUtcNow()), CancellationToken.None));
        engine.Time.Advance(TimeSpan.FromSeconds(1));

        var second = await engine.CreateAsync("tool", ("PHASE", "RUN"));

        Assert.Equal(ExecutionPhase.QUEUED, (await engine.GetAsync(second.Id)).Phase);
        await engine.StartAsync();
        await engine.WaitForPhaseAsync(second.Id, ExecutionPhase.COMPLETED);
        Assert.Equal([first.Id, second.Id], engine.Executor.Started);
    }

    [Fact]
    public async Task Dispatcher_NeverRunsMoreThanMaxConcurrentJobs_WhenManyAreCreatedAtOnce()
    {
        await using var engine = new EngineHarness(maxConcurrentJobs: 2);
        await engine.StartAsync();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the first look at the (empty) queue");

        var jobs = (await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN")))))).ToList();

        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 2, "two executions");
        await Task.Delay(300);
        Assert.Equal(2, engine.Executor.RunningCount);
        Assert.Equal(10, (await engine.Store.ListQueuedAsync(20, CancellationToken.None)).Count);
        await DrainAsync(engine, jobs);
        Assert.Equal(2, engine.Executor.PeakTotal);
    }

    [Fact]
    public async Task Dispatcher_RunsTheJobWithItsParametersAsStored_WhenTheyChangedAfterTheRunRequestReadIt()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the first look at the (empty) queue");
        var asRead = await engine.CreateAsync("tool", ("mode", "hang"));
        var update = ParameterBinder.BindUpdate(engine.Service(), [new FormField("mode", "succeed")], []);
        Assert.Null(await engine.Manager.UpdateParametersAsync(engine.Service(), asRead, update, CancellationToken.None));

        Assert.Null(await engine.Manager.RunAsync(asRead, CancellationToken.None));

        // Run as stored ("succeed"), not as read ("hang", which would wait for a release that never comes).
        var done = await engine.WaitForPhaseAsync(asRead.Id, ExecutionPhase.COMPLETED);
        Assert.Equal("succeed", Assert.Single(done.Parameters).Values.Single());
    }
}
