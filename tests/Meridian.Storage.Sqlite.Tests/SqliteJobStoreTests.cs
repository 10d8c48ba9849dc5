// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Storage.Sqlite.Tests;

/// <summary>The store contract against a real SQLite file, a fresh one per test.</summary>
public sealed class SqliteJobStoreTests : JobStoreCompliance
{
    private readonly TempDirectory _temp = new();

    protected override IJobStore CreateStore() => new SqliteJobStore(_temp.Combine("meridian.db"));

    // The store runs SQLite in multi-thread mode (no mutex per call): its own turns must keep each connection to one caller.
    [Fact]
    public async Task Store_KeepsEveryJobWhole_WhenManyThreadsWriteAndReadAtOnce()
    {
        var store = (SqliteJobStore)Store;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 150; i++)
            {
                var job = NewJob(created: T0.AddMilliseconds(i), owner: $"owner-{worker}") with { RunId = $"run-{worker}-{i}" };
                await store.CreateAsync(job, CancellationToken.None);
                Assert.True(await store.TrySetPhaseAsync(job.Id, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0), CancellationToken.None));
                var read = await store.GetAsync(job.Id, CancellationToken.None);
                Assert.Equal((job.RunId, job.OwnerId, ExecutionPhase.QUEUED), (read?.RunId, read?.OwnerId, read?.Phase));
                var listed = await store.ListAsync(new JobListFilter(Service) { OwnerId = job.OwnerId, AnyOwner = false, Last = 1 }, CancellationToken.None);
                Assert.Equal(job.Id, Assert.Single(listed).Id);
            }
        })).ToList();

        await Task.WhenAll(workers);

        var all = await store.ListAsync(new JobListFilter(Service) { AnyOwner = true }, CancellationToken.None);
        Assert.Equal(8 * 150, all.Count);
        Assert.Equal(8 * 150, all.Select(entry => entry.RunId).Distinct().Count());
    }

    [Fact]
    public async Task Dispose_LetsTheWritesInFlightFinish_AndKeepsEveryAcknowledgedJob()
    {
        var path = _temp.Combine("disposed.db");
        var store = new SqliteJobStore(path);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var job = NewJob();
                try
                {
                    await store.CreateAsync(job, CancellationToken.None);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                acknowledged.Add(job.Id);
            }
        })).ToList();

        while (acknowledged.Count < 200)
        {
            // A writer ends only once the store is disposed: one that has ended already failed, and awaiting it says why.
            if (writers.FirstOrDefault(writer => writer.IsCompleted) is { } ended)
            {
                await ended;
                Assert.Fail("a writer stopped before the store was disposed");
            }

            await Task.Delay(5);
        }

        store.Dispose();
        stop.Cancel();
        // Every writer ends: the writes that waited for their turn are refused, none hangs and none fails otherwise.
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(10));

        using var reopened = new SqliteJobStore(path);
        foreach (var id in acknowledged)
        {
            Assert.NotNull(await reopened.GetAsync(id, CancellationToken.None));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
