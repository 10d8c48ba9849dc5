// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task CountByPhaseAsync_CountsEveryOwnersJobsPerServiceAndPhase_ArchivedToo()
    {
        await AddAsync(NewJob(ExecutionPhase.PENDING, owner: "alice"));
        await AddAsync(NewJob(ExecutionPhase.PENDING, owner: "bob"));
        await AddAsync(NewJob(ExecutionPhase.PENDING));
        await AddAsync(NewJob(ExecutionPhase.COMPLETED, owner: "alice"));
        await AddAsync(NewJob(ExecutionPhase.ARCHIVED, owner: "alice"));
        await AddAsync(NewJob(ExecutionPhase.QUEUED, service: "other"));
        var deleted = await AddAsync(NewJob(ExecutionPhase.ERROR, service: "other"));
        Assert.True(await Store.DeleteAsync(deleted.Id, CancellationToken.None));

        var counts = await Store.CountByPhaseAsync(CancellationToken.None);

        var expected = new[]
        {
            new PhaseCount("other", ExecutionPhase.QUEUED, 1),
            new PhaseCount(Service, ExecutionPhase.PENDING, 3),
            new PhaseCount(Service, ExecutionPhase.COMPLETED, 1),
            new PhaseCount(Service, ExecutionPhase.ARCHIVED, 1),
        };
        Assert.Equal(
            expected.OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Phase),
            counts.OrderBy(c => c.Service, StringComparer.Ordinal).ThenBy(c => c.Phase));
    }

    [Fact]
    public async Task CountByPhaseAsync_OfAnEmptyStore_IsEmpty()
    {
        Assert.Empty(await Store.CountByPhaseAsync(CancellationToken.None));
    }
}
