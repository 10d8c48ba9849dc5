// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

/// <summary>Keyset pages of a job list: walking LAST-sized pages with Before gives the whole list once, in order.</summary>
public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task ListAsync_WithBefore_PagesThroughTheListInOrder_EvenWhenCreationTimesAreEqual()
    {
        for (var i = 0; i < 5; i++)
        {
            await AddAsync(NewJob(created: T0.AddSeconds(i)));
        }

        // Three jobs created in the same millisecond: the id breaks the tie, so no page repeats or skips one.
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(NewJob(ExecutionPhase.COMPLETED, created: T0.AddSeconds(2)));
        }

        var whole = await Store.ListAsync(new JobListFilter(Service), CancellationToken.None);
        var paged = new List<JobListEntry>();
        JobListCursor? cursor = null;
        for (var page = 0; page < 10; page++)
        {
            var entries = await Store.ListAsync(new JobListFilter(Service) { Last = 3, Before = cursor }, CancellationToken.None);
            paged.AddRange(entries);
            if (entries.Count < 3)
            {
                break;
            }

            cursor = new JobListCursor(entries[^1].CreationTime, entries[^1].Id);
        }

        Assert.Equal(8, whole.Count);
        Assert.Equal(whole.Select(e => e.Id), paged.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAsync_WithBefore_CombinesWithThePhaseFilter()
    {
        var older = await AddAsync(NewJob(ExecutionPhase.COMPLETED, created: T0));
        await AddAsync(NewJob(ExecutionPhase.PENDING, created: T0.AddSeconds(1)));
        var newer = await AddAsync(NewJob(ExecutionPhase.COMPLETED, created: T0.AddSeconds(2)));

        var page = await Store.ListAsync(
            new JobListFilter(Service) { Phases = new HashSet<ExecutionPhase> { ExecutionPhase.COMPLETED }, Before = new JobListCursor(newer.CreationTime, newer.Id) },
            CancellationToken.None);

        Assert.Equal([older.Id], page.Select(e => e.Id));
    }
}
