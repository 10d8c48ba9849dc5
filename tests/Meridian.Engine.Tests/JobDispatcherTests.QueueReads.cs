// SPDX-License-Identifier: MIT
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>The claim loop reads the queue when it has room for a job, not at every job queued.</summary>
public sealed partial class JobDispatcherTests
{
    [Fact]
    public async Task Dispatcher_DoesNotReadTheQueue_WhileEverySlotIsTaken_AndReadsItWhenOneFrees()
    {
        await using var engine = new EngineHarness(maxConcurrentJobs: 1, countStoreCalls: true);
        await engine.StartAsync();
        await engine.WaitUntilAsync(() => engine.Dispatcher.QueueDrained, "the first look at the (empty) queue");
        var running = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");
        var readsBefore = engine.StoreCalls!.Calls("ListQueuedAsync");

        // Each job queued wakes the loop, and so does its poll tick (200 ms here); the one slot is taken.
        var waiting = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            waiting.Add((await engine.CreateAsync("tool", ("PHASE", "RUN"))).Id);
        }

        await Task.Delay(engine.Options.QueuePollInterval * 3);
        Assert.Equal(readsBefore, engine.StoreCalls.Calls("ListQueuedAsync"));
        foreach (var id in waiting)
        {
            Assert.Equal(ExecutionPhase.QUEUED, (await engine.GetAsync(id)).Phase);
        }

        engine.Executor.ReleaseAll();
        await engine.WaitForPhaseAsync(running.Id, ExecutionPhase.COMPLETED);
        foreach (var id in waiting)
        {
            await engine.WaitForPhaseAsync(id, ExecutionPhase.COMPLETED);
        }

        Assert.True(engine.StoreCalls.Calls("ListQueuedAsync") > readsBefore, "the freed slot made the loop read the queue");
    }
}
