// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Xunit.Sdk;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>LISTEN/NOTIFY between two stores on one database, as between two nodes.</summary>
public sealed class PostgresChangeFeedTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ReadChangesAsync_ReportsJobsQueuedUpdatedAndDeleted_WhenAnotherStoreChangesThem()
    {
        await using var writer = await _database.CreateStoreAsync();
        await using var reader = await _database.CreateStoreAsync();
        await using var feed = new FeedRecorder(reader);
        await WaitUntilListeningAsync(1);
        var job = NewJob();
        var queued = NewJob() with { Phase = ExecutionPhase.QUEUED, QueuedTime = DateTimeOffset.UnixEpoch };
        var claimed = NewJob() with { Phase = ExecutionPhase.EXECUTING, QueuedTime = DateTimeOffset.UnixEpoch, StartTime = DateTimeOffset.UnixEpoch, NodeId = "a" };

        // The channel is the database's: tests running beside this one, in their own schemas, announce their jobs on it too.
        bool Ours(JobChange change) => change.Id == job.Id || change.Id == queued.Id || change.Id == claimed.Id;

        // Created PENDING or EXECUTING, a job has nothing for another node to do (nobody can be waiting on it yet):
        // the first change reported is the QUEUED one's, created so, for the dispatchers.
        await writer.CreateAsync(job, CancellationToken.None);
        await writer.CreateAsync(claimed, CancellationToken.None);
        await writer.CreateAsync(queued, CancellationToken.None);
        Assert.Equal(new JobChange(queued.Id, ExecutionPhase.QUEUED), await feed.NextAsync(Ours, Patience));

        Assert.True(await writer.TrySetPhaseAsync(job.Id, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, job.CreationTime), CancellationToken.None));
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.QUEUED), await feed.NextAsync(Ours, Patience));

        Assert.True(await writer.DeleteAsync(job.Id, CancellationToken.None));
        Assert.Equal(new JobChange(job.Id, null), await feed.NextAsync(c => c.Id == job.Id, Patience));
    }

    [Fact]
    public async Task ReadChangesAsync_LeavesOutTheExecutorsBookkeeping_ButReportsWhatTheOwnerSees()
    {
        await using var writer = await _database.CreateStoreAsync();
        await using var reader = await _database.CreateStoreAsync();
        await using var feed = new FeedRecorder(reader);
        await WaitUntilListeningAsync(1);
        var job = NewJob() with { Phase = ExecutionPhase.QUEUED, QueuedTime = DateTimeOffset.UnixEpoch };
        await writer.CreateAsync(job, CancellationToken.None);
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.QUEUED), await feed.NextAsync(c => c.Id == job.Id, Patience));
        Assert.True(await writer.TrySetPhaseAsync(job.Id, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, job.CreationTime) { NodeId = "a" }, CancellationToken.None));
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.EXECUTING), await feed.NextAsync(c => c.Id == job.Id, Patience));

        // The handle and the node are the executor's business: the next change the feed reports is the phase's.
        Assert.True(await writer.TrySetExecutorHandleAsync(job.Id, "1234:5678", CancellationToken.None));
        Assert.True(await writer.TrySetNodeAsync(job.Id, "a", "b", CancellationToken.None));
        Assert.True(await writer.TrySetPhaseAsync(job.Id, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.COMPLETED, job.CreationTime), CancellationToken.None));
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.COMPLETED), await feed.NextAsync(c => c.Id == job.Id, Patience));

        // A new destruction time is the owner's to see: reported, and before the deletion.
        Assert.True(await writer.TrySetDestructionAsync(job.Id, DateTimeOffset.UnixEpoch.AddYears(70), CancellationToken.None));
        Assert.True(await writer.DeleteAsync(job.Id, CancellationToken.None));
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.COMPLETED), await feed.NextAsync(c => c.Id == job.Id, Patience));
        Assert.Equal(new JobChange(job.Id, null), await feed.NextAsync(c => c.Id == job.Id, Patience));
    }

    [Fact]
    public async Task ReadChangesAsync_ReportsAnythingMayHaveChangedAndGoesOn_WhenItsConnectionIsTerminated()
    {
        await using var store = await _database.CreateStoreAsync();
        await using var feed = new FeedRecorder(store);
        await WaitUntilListeningAsync(1);

        var terminated = await _database.QueryAsync(
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{_database.ApplicationName}' AND query LIKE 'LISTEN%'",
            row => row.GetBoolean(0));

        Assert.Equal([true], terminated);
        Assert.Equal(new JobChange(null, null), await feed.NextAsync(c => c.Id is null, Patience));
        var job = NewJob() with { Phase = ExecutionPhase.QUEUED, QueuedTime = DateTimeOffset.UnixEpoch };
        await store.CreateAsync(job, CancellationToken.None);
        Assert.Equal(new JobChange(job.Id, ExecutionPhase.QUEUED), await feed.NextAsync(c => c.Id == job.Id, Patience));
    }

    [Fact]
    public async Task ReadChangesAsync_EndsAndClosesItsConnection_WhenCancelled()
    {
        await using var store = await _database.CreateStoreAsync();
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in store.ReadChangesAsync(stop.Token))
            {
            }
        });
        await WaitUntilListeningAsync(1);

        await stop.CancelAsync();

        await reading.WaitAsync(Patience);
        await WaitUntilListeningAsync(0);
    }

    [Fact]
    public void ParseChange_ReadsIdAndPhase_AndNoPhaseForADeletedJob()
    {
        Assert.Equal(new JobChange("abc-_1", ExecutionPhase.QUEUED), PostgresJobStore.ParseChange("abc-_1:QUEUED"));
        Assert.Equal(new JobChange("abc-_1", null), PostgresJobStore.ParseChange("abc-_1:"));
    }

    private static Job NewJob() => new()
    {
        Id = JobId.New(), Service = "svc", Phase = ExecutionPhase.PENDING, CreationTime = DateTimeOffset.UnixEpoch, ExecutionDuration = 60,
    };

    /// <summary>Until this schema's stores hold exactly <paramref name="count"/> listening connections.</summary>
    private async Task WaitUntilListeningAsync(int count)
    {
        var sql = $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{_database.ApplicationName}' AND query LIKE 'LISTEN%'";
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < Patience; await Task.Delay(50))
        {
            if ((await _database.QueryAsync(sql, row => row.GetInt64(0))).Single() == count)
            {
                return;
            }
        }

        throw new XunitException($"the store did not have {count} listening connection(s) within {Patience}");
    }
}
