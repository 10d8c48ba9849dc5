// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task ListExpiredAsync_ReturnsJobsAtOrBeforeNowOldestFirst_WhenSomeHaveExpired()
    {
        var now = T0.AddDays(10);
        var atNow = await AddAsync(NewJob() with { Destruction = now });
        var oldest = await AddAsync(NewJob(ExecutionPhase.COMPLETED) with { Destruction = now.AddHours(-2) });
        var older = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { Destruction = now.AddHours(-1) });
        await AddAsync(NewJob() with { Destruction = now.AddTicks(TimeSpan.TicksPerMillisecond) });
        await AddAsync(NewJob() with { Destruction = null });

        var expired = await Store.ListExpiredAsync(now, 100, CancellationToken.None);

        Assert.Equal([oldest.Id, older.Id, atNow.Id], expired);
    }

    [Fact]
    public async Task ListExpiredAsync_ReturnsAtMostTheLimit_WhenMoreHaveExpired()
    {
        var first = await AddAsync(NewJob() with { Destruction = T0 });
        var second = await AddAsync(NewJob() with { Destruction = T0.AddSeconds(1) });
        await AddAsync(NewJob() with { Destruction = T0.AddSeconds(2) });

        Assert.Equal([first.Id, second.Id], await Store.ListExpiredAsync(T0.AddDays(1), 2, CancellationToken.None));
    }

    [Fact]
    public async Task ListQueuedAsync_ReturnsQueuedJobsFirstInFirstOut_WhenTheyWereQueuedInAnotherOrderThanCreated()
    {
        // Created a, b, c but queued c, a, b: the queue follows the queued time, not the creation time.
        var a = await AddAsync(NewJob(ExecutionPhase.QUEUED, T0) with { QueuedTime = T0.AddMinutes(2) });
        var b = await AddAsync(NewJob(ExecutionPhase.QUEUED, T0.AddSeconds(1), service: "other") with { QueuedTime = T0.AddMinutes(3) });
        var c = await AddAsync(NewJob(ExecutionPhase.QUEUED, T0.AddSeconds(2)) with { QueuedTime = T0.AddMinutes(1) });
        await AddAsync(NewJob(ExecutionPhase.PENDING));
        await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { QueuedTime = T0 });

        var queued = await Store.ListQueuedAsync(10, CancellationToken.None);

        Assert.Equal([new QueuedJob(c.Id, Service), new QueuedJob(a.Id, Service), new QueuedJob(b.Id, "other")], queued);
    }

    [Fact]
    public async Task ListQueuedAsync_ReturnsAtMostTheLimit_WhenMoreAreQueued()
    {
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0.AddSeconds(i) })).Id);
        }

        var queued = await Store.ListQueuedAsync(2, CancellationToken.None);

        Assert.Equal(ids.Take(2), queued.Select(q => q.Id));
    }

    [Fact]
    public async Task ListQueuedAsync_FollowsTheNewQueuedTime_WhenAJobIsQueuedThroughTheStore()
    {
        var early = await AddAsync(NewJob(ExecutionPhase.PENDING));
        var late = await AddAsync(NewJob(ExecutionPhase.PENDING));
        Assert.True(await Store.TrySetPhaseAsync(late.Id, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0.AddSeconds(1)), CancellationToken.None));
        Assert.True(await Store.TrySetPhaseAsync(early.Id, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0.AddSeconds(2)), CancellationToken.None));

        var queued = await Store.ListQueuedAsync(10, CancellationToken.None);

        Assert.Equal([late.Id, early.Id], queued.Select(q => q.Id));
    }

    [Fact]
    public async Task ListInPhaseAsync_ReturnsWholeJobsOfThatPhaseOnly_WhenSeveralPhasesAreStored()
    {
        var executing = await AddAsync(NewJob(ExecutionPhase.EXECUTING, service: "other") with { StartTime = T0, ExecutorHandle = "77:1" });
        var second = await AddAsync(NewJob(ExecutionPhase.EXECUTING, T0.AddSeconds(1)) with { StartTime = T0.AddSeconds(1) });
        await AddAsync(NewJob(ExecutionPhase.QUEUED));
        await AddAsync(NewJob(ExecutionPhase.COMPLETED));

        var jobs = (await Store.ListInPhaseAsync(ExecutionPhase.EXECUTING, CancellationToken.None)).OrderBy(j => j.CreationTime).ToList();

        Assert.Equal(2, jobs.Count);
        AssertSameJob(executing, jobs[0]);
        AssertSameJob(second, jobs[1]);
        Assert.Empty(await Store.ListInPhaseAsync(ExecutionPhase.HELD, CancellationToken.None));
    }
}
