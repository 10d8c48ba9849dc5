// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>
/// A job executing here that another node aborted is stopped: at once when the change is notified, at the poll interval
/// when its notification was lost, and at once after a gap in the change feed.
/// </summary>
public sealed partial class JobDispatcherTests
{
    [Fact]
    public async Task Dispatcher_StopsAJobAbortedElsewhere_AtThePollInterval_WhenItsNotificationWasLost()
    {
        await using var engine = new EngineHarness();
        var job = await StartHangingJobAsync(engine);
        await AbortInTheStoreAsync(engine, job);

        // A wake for the queue within the interval looks at the queue only, not at the jobs executing here.
        engine.Dispatcher.Wake();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the look at the queue the wake asked for");
        Assert.Empty(engine.Executor.Cancelled);

        engine.Time.Advance(engine.Options.QueuePollInterval);
        engine.Dispatcher.Wake();
        await engine.WaitUntilAsync(() => engine.Executor.Cancelled.Count == 1, "the aborted job's process to be stopped");
        Assert.Equal(ExecutionPhase.ABORTED, (await engine.GetAsync(job.Id)).Phase);
    }

    [Fact]
    public async Task Dispatcher_StopsAJobAbortedElsewhere_AtOnce_AfterAGapInTheChangeFeed()
    {
        await using var engine = new EngineHarness();
        var job = await StartHangingJobAsync(engine);
        await AbortInTheStoreAsync(engine, job);

        // The feed says notifications were lost: no time need pass.
        engine.Dispatcher.OnStoreChange(new JobChange(null, null));

        await engine.WaitUntilAsync(() => engine.Executor.Cancelled.Count == 1, "the aborted job's process to be stopped");
        Assert.Equal(ExecutionPhase.ABORTED, (await engine.GetAsync(job.Id)).Phase);
    }

    [Fact]
    public async Task Dispatcher_StopsAJobAbortedElsewhere_AtOnce_WhenTheChangeIsNotified()
    {
        await using var engine = new EngineHarness();
        var job = await StartHangingJobAsync(engine);
        await AbortInTheStoreAsync(engine, job);

        engine.Dispatcher.OnStoreChange(new JobChange(job.Id, ExecutionPhase.ABORTED));

        await engine.WaitUntilAsync(() => engine.Executor.Cancelled.Count == 1, "the aborted job's process to be stopped");
    }

    private static async Task<Job> StartHangingJobAsync(EngineHarness engine)
    {
        await engine.StartAsync();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the first look at the (empty) queue");
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");
        return job;
    }

    /// <summary>What another node's abort leaves in the store; nothing tells this node.</summary>
    private static async Task AbortInTheStoreAsync(EngineHarness engine, Job job) =>
        Assert.True(await engine.Store.TrySetPhaseAsync(job.Id, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.ABORTED, engine.Time.GetUtcNow()), CancellationToken.None));
}
