// SPDX-License-Identifier: MIT
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>Jobs of a batch executor: QUEUED until the scheduler runs them, never submitted twice, followed across restarts and nodes.</summary>
public sealed class JobDispatcherBatchTests
{
    private static readonly Descriptions.ServiceDefinition Cluster = TestServices.Fake("cluster") with { Executor = FakeBatchExecutor.ExecutorName };

    [Fact]
    public async Task BatchJob_StaysQueuedUntilTheSchedulerRunsIt_ThenExecutesAndCompletes()
    {
        await using var engine = new EngineHarness(4, Cluster);
        await engine.StartAsync();

        var job = await engine.CreateAsync("cluster", ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Batch.Submissions == 1, "the submission");
        var submitted = await engine.GetAsync(job.Id);
        Assert.Equal(ExecutionPhase.QUEUED, submitted.Phase);
        Assert.Equal(engine.Batch.HandleOf(job.Id), submitted.ExecutorHandle);
        Assert.Equal(engine.Options.NodeId, submitted.NodeId);

        engine.Batch.Run(job.Id);
        var executing = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.EXECUTING);
        Assert.NotNull(executing.StartTime);
        engine.Batch.Finish(job.Id);

        var done = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.Contains(done.Results, result => result.Id == "out");
        Assert.Equal(1, engine.Batch.Submissions);
    }

    [Fact]
    public async Task BatchJob_StaysQueued_WhileTheSchedulerDoesNotAnswer_AndIsSubmittedOnceItDoes()
    {
        await using var engine = new EngineHarness(4, Cluster);
        engine.Batch.Unavailable = true;
        await engine.StartAsync();

        var job = await engine.CreateAsync("cluster", ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Batch.Attempts == 1, "a refused submission");
        await engine.WaitUntilAsync(async () => (await engine.GetAsync(job.Id)).NodeId is null, "the claim to be given back");
        Assert.Equal(ExecutionPhase.QUEUED, (await engine.GetAsync(job.Id)).Phase);
        await Task.Delay(500);
        Assert.Equal(1, engine.Batch.Attempts); // No new attempt before the scheduler's retry delay has passed.

        engine.Batch.Unavailable = false;
        engine.Time.Advance(TimeSpan.FromSeconds(1));
        engine.Dispatcher.Wake();

        await engine.WaitUntilAsync(() => engine.Batch.Submissions == 1, "the submission once the scheduler answers");
        engine.Batch.Finish(job.Id);
        await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
    }

    [Fact]
    public async Task Restart_FollowsTheSubmittedJobs_WithoutSubmittingThemAgain()
    {
        await using var engine = new EngineHarness(4, Cluster);
        await engine.StartAsync();
        var running = await engine.CreateAsync("cluster", ("PHASE", "RUN"));
        var pending = await engine.CreateAsync("cluster", ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Batch.Submissions == 2, "both submissions");
        engine.Batch.Run(running.Id);
        await engine.WaitForPhaseAsync(running.Id, ExecutionPhase.EXECUTING);

        // Stopping the server leaves batch jobs alone: nothing cancelled, nothing ended.
        await engine.Dispatcher.StopAsync(CancellationToken.None);
        Assert.Empty(engine.Batch.Cancelled);
        Assert.Equal(ExecutionPhase.EXECUTING, (await engine.GetAsync(running.Id)).Phase);
        Assert.Equal(ExecutionPhase.QUEUED, (await engine.GetAsync(pending.Id)).Phase);

        using var restarted = engine.NewDispatcher();
        await restarted.StartAsync(CancellationToken.None);
        engine.Batch.Finish(running.Id);
        engine.Batch.Run(pending.Id);
        engine.Batch.Finish(pending.Id);

        await engine.WaitForPhaseAsync(running.Id, ExecutionPhase.COMPLETED);
        var finished = await engine.WaitForPhaseAsync(pending.Id, ExecutionPhase.COMPLETED);
        Assert.NotNull(finished.StartTime);
        Assert.Equal(2, engine.Batch.Submissions);
        await restarted.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Restart_FindsTheSubmissionByJob_WhenTheServerStoppedBeforeRecordingItsHandle()
    {
        await using var engine = new EngineHarness(4, Cluster);
        var job = await engine.SeedAsync(ExecutionPhase.QUEUED, "cluster");
        Assert.True(await engine.Store.TrySetNodeAsync(job.Id, null, engine.Options.NodeId, CancellationToken.None));
        engine.Batch.Submit(job.Id, Path.Combine(engine.Options.JobsDirectory, job.Id, "work"));

        await engine.StartAsync();
        engine.Batch.Finish(job.Id);

        await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.Equal(1, engine.Batch.Submissions);
    }

    [Fact]
    public async Task NodeMonitor_AdoptsTheBatchJobsOfADeadNode_InsteadOfFailingThem()
    {
        await using var engine = new EngineHarness(4, Cluster);
        var job = await engine.SeedAsync(ExecutionPhase.QUEUED, "cluster");
        Assert.True(await engine.Store.TrySetNodeAsync(job.Id, null, "dead-node", CancellationToken.None));
        var handle = engine.Batch.Submit(job.Id, Path.Combine(engine.Options.JobsDirectory, job.Id, "work"));
        Assert.True(await engine.Store.TrySetExecutorHandleAsync(job.Id, handle, CancellationToken.None));
        await engine.StartAsync();
        var monitor = new NodeMonitor(engine.Store, engine.Catalog, engine.Dispatcher, engine.Waiter,
            Microsoft.Extensions.Options.Options.Create(engine.Options), engine.Time, NullLogger<NodeMonitor>.Instance);

        await monitor.BeatAsync(CancellationToken.None);
        engine.Time.Advance(engine.Options.NodeTimeout);
        Assert.Equal(1, await monitor.BeatAsync(CancellationToken.None));

        Assert.Equal(engine.Options.NodeId, (await engine.GetAsync(job.Id)).NodeId);
        engine.Batch.Finish(job.Id);
        await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.Equal(1, engine.Batch.Submissions);
    }
}
