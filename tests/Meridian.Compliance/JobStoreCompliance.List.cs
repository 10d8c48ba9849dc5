// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    private async Task<IReadOnlyList<string>> ListIdsAsync(JobListFilter filter) =>
        (await Store.ListAsync(filter, CancellationToken.None)).Select(entry => entry.Id).ToList();

    [Fact]
    public async Task ListAsync_ReturnsEntriesNewestFirst_WhenNoFilterIsGiven()
    {
        var old = await AddAsync(NewJob(created: T0));
        var newest = await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddMinutes(2), owner: "bob") with { RunId = "r1" });
        var middle = await AddAsync(NewJob(created: T0.AddMinutes(1)));

        var entries = await Store.ListAsync(new JobListFilter(Service), CancellationToken.None);

        Assert.Equal([newest.Id, middle.Id, old.Id], entries.Select(e => e.Id));
        Assert.Equal(new JobListEntry(newest.Id, Service, ExecutionPhase.COMPLETED, "r1", "bob", T0.AddMinutes(2)), entries[0]);
    }

    [Fact]
    public async Task ListAsync_AnswersEveryPhaseSet_WhenManyDifferentFiltersFollowEachOtherBetweenWrites()
    {
        // Each phase set is a statement of its own: more of them than a store may keep prepared, with writes between.
        ExecutionPhase[] phases = [ExecutionPhase.PENDING, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING, ExecutionPhase.COMPLETED,
            ExecutionPhase.ERROR, ExecutionPhase.ABORTED, ExecutionPhase.HELD];
        var stored = new List<Job>();
        for (var mask = 1; mask < 1 << phases.Length; mask++)
        {
            stored.Add(await AddAsync(NewJob(phases[mask % phases.Length], T0.AddSeconds(mask))));
            var asked = phases.Where((_, bit) => (mask & (1 << bit)) != 0).ToHashSet();

            var ids = await ListIdsAsync(new JobListFilter(Service) { Phases = asked });

            Assert.Equal(stored.Where(job => asked.Contains(job.Phase)).Select(job => job.Id).Reverse(), ids);
        }
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyThatPhase_WhenOnePhaseIsAsked()
    {
        await AddAsync(NewJob(ExecutionPhase.PENDING));
        var queued = await AddAsync(NewJob(ExecutionPhase.QUEUED));
        await AddAsync(NewJob(ExecutionPhase.COMPLETED));

        var ids = await ListIdsAsync(new JobListFilter(Service) { Phases = new HashSet<ExecutionPhase> { ExecutionPhase.QUEUED } });

        Assert.Equal([queued.Id], ids);
    }

    [Fact]
    public async Task ListAsync_ReturnsTheUnion_WhenSeveralPhasesAreAsked()
    {
        var pending = await AddAsync(NewJob(ExecutionPhase.PENDING, T0));
        await AddAsync(NewJob(ExecutionPhase.QUEUED, T0.AddSeconds(1)));
        var error = await AddAsync(NewJob(ExecutionPhase.ERROR, T0.AddSeconds(2)));

        var ids = await ListIdsAsync(new JobListFilter(Service) { Phases = new HashSet<ExecutionPhase> { ExecutionPhase.PENDING, ExecutionPhase.ERROR } });

        Assert.Equal([error.Id, pending.Id], ids);
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyLaterJobs_WhenAfterIsGiven()
    {
        await AddAsync(NewJob(created: T0));
        await AddAsync(NewJob(created: T0.AddSeconds(1)));
        var later = await AddAsync(NewJob(created: T0.AddSeconds(2)));

        var ids = await ListIdsAsync(new JobListFilter(Service) { After = T0.AddSeconds(1) });

        Assert.True(ids.SequenceEqual([later.Id]), "AFTER is strict: a job created at exactly that instant is not listed");
    }

    [Fact]
    public async Task ListAsync_ReturnsTheNewestN_WhenLastIsGiven()
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await AddAsync(NewJob(created: T0.AddMinutes(i))));
        }

        var ids = await ListIdsAsync(new JobListFilter(Service) { Last = 3 });

        Assert.Equal([jobs[4].Id, jobs[3].Id, jobs[2].Id], ids);
    }

    [Fact]
    public async Task ListAsync_CombinesFiltersWithAnd_WhenPhaseAfterAndLastAreGiven()
    {
        await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0));
        var second = await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddMinutes(1)));
        var third = await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddMinutes(2)));
        await AddAsync(NewJob(ExecutionPhase.PENDING, T0.AddMinutes(3)));
        var fifth = await AddAsync(NewJob(ExecutionPhase.COMPLETED, T0.AddMinutes(4)));

        var ids = await ListIdsAsync(new JobListFilter(Service)
        {
            Phases = new HashSet<ExecutionPhase> { ExecutionPhase.COMPLETED },
            After = T0,
            Last = 2,
        });

        Assert.Equal([fifth.Id, third.Id], ids);
        Assert.DoesNotContain(second.Id, ids);
    }

    [Fact]
    public async Task ListAsync_HidesArchivedJobs_UnlessArchivedIsAsked()
    {
        var live = await AddAsync(NewJob(ExecutionPhase.COMPLETED));
        var archived = await AddAsync(NewJob(ExecutionPhase.ARCHIVED));

        Assert.Equal([live.Id], await ListIdsAsync(new JobListFilter(Service)));
        Assert.Equal([archived.Id], await ListIdsAsync(new JobListFilter(Service) { Phases = new HashSet<ExecutionPhase> { ExecutionPhase.ARCHIVED } }));
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyThatOwnersJobs_WhenAnyOwnerIsFalse()
    {
        var alice = await AddAsync(NewJob(created: T0, owner: "alice"));
        await AddAsync(NewJob(created: T0.AddSeconds(1), owner: "bob"));
        var anonymous = await AddAsync(NewJob(created: T0.AddSeconds(2), owner: null));

        Assert.Equal([alice.Id], await ListIdsAsync(new JobListFilter(Service) { AnyOwner = false, OwnerId = "alice" }));
        Assert.True((await ListIdsAsync(new JobListFilter(Service) { AnyOwner = false, OwnerId = null })).SequenceEqual([anonymous.Id]),
            "an anonymous caller sees the anonymous jobs only, not everyone's");
        Assert.Equal(3, (await ListIdsAsync(new JobListFilter(Service) { AnyOwner = true })).Count);
    }

    [Fact]
    public async Task ListAsync_ListsNothingOfOtherServices_WhenTheyHaveJobs()
    {
        var mine = await AddAsync(NewJob());
        await AddAsync(NewJob(service: "other"));

        Assert.Equal([mine.Id], await ListIdsAsync(new JobListFilter(Service)));
        Assert.Empty(await ListIdsAsync(new JobListFilter("nobody")));
    }
}
