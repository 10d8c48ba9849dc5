// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

/// <summary>Jobs handed to a batch scheduler: claimed by a node while still QUEUED, given back, adopted.</summary>
public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task TrySetNodeAsync_LetsOneNodeOnlyClaimAQueuedJob()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED));

        Assert.True(await Store.TrySetNodeAsync(job.Id, null, "node-a", CancellationToken.None));
        Assert.False(await Store.TrySetNodeAsync(job.Id, null, "node-b", CancellationToken.None));

        var stored = await ReloadAsync(job);
        Assert.Equal("node-a", stored.NodeId);
        Assert.Equal(ExecutionPhase.QUEUED, stored.Phase);
    }

    [Fact]
    public async Task ListQueuedAsync_LeavesOutClaimedJobs_UntilTheyAreGivenBack()
    {
        var claimed = await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0 });
        var free = await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0.AddSeconds(1) });
        Assert.True(await Store.TrySetNodeAsync(claimed.Id, null, "node-a", CancellationToken.None));

        Assert.Equal([free.Id], (await Store.ListQueuedAsync(10, CancellationToken.None)).Select(q => q.Id));

        Assert.True(await Store.TrySetNodeAsync(claimed.Id, "node-a", null, CancellationToken.None));
        Assert.Equal([claimed.Id, free.Id], (await Store.ListQueuedAsync(10, CancellationToken.None)).Select(q => q.Id));
    }

    [Fact]
    public async Task TrySetNodeAsync_RefusesAFinishedOrPendingJob_AndAJobOfAnotherNode()
    {
        var completed = await AddAsync(NewJob(ExecutionPhase.COMPLETED) with { NodeId = "node-a" });
        var pending = await AddAsync(NewJob(ExecutionPhase.PENDING));
        var executing = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "node-a" });

        Assert.False(await Store.TrySetNodeAsync(completed.Id, "node-a", "node-b", CancellationToken.None));
        Assert.False(await Store.TrySetNodeAsync(pending.Id, null, "node-b", CancellationToken.None));
        Assert.False(await Store.TrySetNodeAsync(executing.Id, "node-c", "node-b", CancellationToken.None));
        Assert.True(await Store.TrySetNodeAsync(executing.Id, "node-a", "node-b", CancellationToken.None));

        Assert.Equal("node-b", (await ReloadAsync(executing)).NodeId);
        Assert.Equal("node-a", (await ReloadAsync(completed)).NodeId);
    }

    [Fact]
    public async Task TrySetExecutorHandleAsync_RecordsTheHandleOfAClaimedQueuedJob()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED));
        Assert.True(await Store.TrySetNodeAsync(job.Id, null, "node-a", CancellationToken.None));

        Assert.True(await Store.TrySetExecutorHandleAsync(job.Id, "4711", CancellationToken.None));

        Assert.Equal("4711", (await ReloadAsync(job)).ExecutorHandle);
    }

    [Fact]
    public async Task ListOrphansAsync_ListsClaimedQueuedJobsOfSilentNodes_ButNotUnclaimedOnes()
    {
        await Store.HeartbeatAsync("silent", T0, CancellationToken.None);
        var claimed = await AddAsync(NewJob(ExecutionPhase.QUEUED));
        await AddAsync(NewJob(ExecutionPhase.QUEUED));
        Assert.True(await Store.TrySetNodeAsync(claimed.Id, null, "silent", CancellationToken.None));

        var orphans = await Store.ListOrphansAsync(T0.AddSeconds(30), CancellationToken.None);

        Assert.Equal([claimed.Id], orphans.Select(j => j.Id));
    }

    [Fact]
    public async Task TrySetExpectedStartAsync_RecordsTheSchedulersEstimate_WhileTheJobIsQueuedOnly()
    {
        var queued = await AddAsync(NewJob(ExecutionPhase.QUEUED));
        var executing = await AddAsync(NewJob(ExecutionPhase.EXECUTING));

        Assert.True(await Store.TrySetExpectedStartAsync(queued.Id, T0.AddHours(1), CancellationToken.None));
        Assert.False(await Store.TrySetExpectedStartAsync(executing.Id, T0.AddHours(1), CancellationToken.None));

        Assert.Equal(T0.AddHours(1), (await ReloadAsync(queued)).ExpectedStart);
        Assert.Null((await ReloadAsync(executing)).ExpectedStart);
    }
}
