// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task ListAsync_ReturnsASweepsJobsOnly_WithTheOtherFilters()
    {
        var first = await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0, owner: "alice") with { SweepId = "s1" });
        var second = await AddAsync(NewJob(ExecutionPhase.EXECUTING, T0.AddSeconds(1), owner: "alice") with { SweepId = "s1" });
        await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddSeconds(2), owner: "alice") with { SweepId = "s2" });
        await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddSeconds(3), owner: "alice"));
        await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddSeconds(4), owner: "bob") with { SweepId = "s1" });

        var all = await ListIdsAsync(new JobListFilter(Service) { SweepId = "s1", AnyOwner = false, OwnerId = "alice" });
        var finished = await ListIdsAsync(new JobListFilter(Service) { SweepId = "s1", AnyOwner = false, OwnerId = "alice", Phases = new HashSet<ExecutionPhase> { ExecutionPhase.COMPLETED } });

        Assert.Equal([second.Id, first.Id], all);
        Assert.Equal([first.Id], finished);
    }
}
