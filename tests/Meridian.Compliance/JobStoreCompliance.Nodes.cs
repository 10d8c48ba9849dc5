// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

/// <summary>Several nodes on one store: who executes a job, heartbeats, orphans, late results of aborted jobs.</summary>
public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task TrySetPhaseAsync_RecordsTheClaimingNode_WhenTheJobStartsExecuting()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED));

        Assert.True(await Store.TrySetPhaseAsync(job.Id, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, T0) { NodeId = "node-a" }, CancellationToken.None));
        Assert.True(await Store.TrySetPhaseAsync(job.Id, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.COMPLETED, T0.AddSeconds(1)), CancellationToken.None));

        Assert.Equal("node-a", (await ReloadAsync(job)).NodeId);
    }

    [Fact]
    public async Task CreateAsync_KeepsTheNode_WhenGivenOne()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "node-ü" });

        AssertSameJob(job, await ReloadAsync(job));
    }

    [Fact]
    public async Task ListOrphansAsync_ListsExecutingJobsOfSilentOrUnknownNodes_Only()
    {
        await Store.HeartbeatAsync("alive", T0.AddSeconds(50), CancellationToken.None);
        await Store.HeartbeatAsync("silent", T0.AddSeconds(5), CancellationToken.None);
        var ofAlive = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "alive" });
        var ofSilent = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "silent" });
        var ofUnknown = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "never-seen" });
        await AddAsync(NewJob(ExecutionPhase.COMPLETED) with { NodeId = "silent" });
        await AddAsync(NewJob(ExecutionPhase.QUEUED));

        var orphans = await Store.ListOrphansAsync(T0.AddSeconds(30), CancellationToken.None);

        Assert.Equal(new[] { ofSilent.Id, ofUnknown.Id }.Order(), orphans.Select(j => j.Id).Order());
        Assert.DoesNotContain(orphans, j => j.Id == ofAlive.Id);
    }

    [Fact]
    public async Task HeartbeatAsync_MovesANodeBackAmongTheLiving()
    {
        await Store.HeartbeatAsync("node", T0, CancellationToken.None);
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { NodeId = "node" });
        Assert.Single(await Store.ListOrphansAsync(T0.AddSeconds(10), CancellationToken.None));

        await Store.HeartbeatAsync("node", T0.AddSeconds(20), CancellationToken.None);

        Assert.Empty(await Store.ListOrphansAsync(T0.AddSeconds(10), CancellationToken.None));
        Assert.Equal(ExecutionPhase.EXECUTING, (await ReloadAsync(job)).Phase);
    }

    [Fact]
    public async Task TryRecordResultsAsync_StoresResultsOfAnAbortedJob_AndOfNoOther()
    {
        var aborted = await AddAsync(NewJob(ExecutionPhase.ABORTED));
        var completed = await AddAsync(NewJob(ExecutionPhase.COMPLETED));
        IReadOnlyList<JobResult> results = [new JobResult("stdout", "stdout.txt", "text/plain", 12)];

        Assert.True(await Store.TryRecordResultsAsync(aborted.Id, results, CancellationToken.None));
        Assert.False(await Store.TryRecordResultsAsync(completed.Id, results, CancellationToken.None));

        Assert.Equal(results, (await ReloadAsync(aborted)).Results);
        Assert.Empty((await ReloadAsync(completed)).Results);
    }
}
