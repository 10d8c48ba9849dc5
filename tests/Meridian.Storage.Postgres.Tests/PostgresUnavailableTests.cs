// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Npgsql;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>A database that is not there, or stops answering: 503-worthy StoreUnavailableException, soon; never a hang.</summary>
public sealed class PostgresUnavailableTests
{
    /// <summary>A guard against a hang, not a measure of speed: a loaded machine may be slow, never stuck.</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly Dictionary<string, Func<PostgresJobStore, Task>> Calls = new()
    {
        ["MigrateAsync"] = s => s.MigrateAsync(None),
        ["CreateAsync"] = s => s.CreateAsync(NewJob(), None),
        ["GetAsync"] = s => s.GetAsync(JobId.New(), None),
        ["ListAsync"] = s => s.ListAsync(new JobListFilter("svc") { Last = 10 }, None),
        ["TrySetPhaseAsync"] = s => s.TrySetPhaseAsync(JobId.New(), ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0), None),
        ["TryUpdateParametersAsync"] = s => s.TryUpdateParametersAsync(JobId.New(), [JobParameter.Scalar("a", "1")], None),
        ["TrySetExecutionDurationAsync"] = s => s.TrySetExecutionDurationAsync(JobId.New(), 5, None),
        ["TrySetDestructionAsync"] = s => s.TrySetDestructionAsync(JobId.New(), T0, None),
        ["TrySetExecutorHandleAsync"] = s => s.TrySetExecutorHandleAsync(JobId.New(), "h", None),
        ["DeleteAsync"] = s => s.DeleteAsync(JobId.New(), None),
        ["ListExpiredAsync"] = s => s.ListExpiredAsync(T0, 10, None),
        ["ListQueuedAsync"] = s => s.ListQueuedAsync(10, None),
        ["ListInPhaseAsync"] = s => s.ListInPhaseAsync(ExecutionPhase.EXECUTING, None),
        ["TryRecordResultsAsync"] = s => s.TryRecordResultsAsync(JobId.New(), [], None),
        ["HeartbeatAsync"] = s => s.HeartbeatAsync("node", T0, None),
        ["ListOrphansAsync"] = s => s.ListOrphansAsync(T0, None),
    };

    public static TheoryData<string> Methods => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Method_ThrowsStoreUnavailableNamingTheServer_WhenNothingListensOnThePort(string method)
    {
        var port = ClosedPort.Next();
        await using var store = new PostgresJobStore(ClosedPort.ConnectionString(port));
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<StoreUnavailableException>(() => Calls[method](store));

        Assert.True(clock.Elapsed < Soon, $"{method} took {clock.Elapsed} to give up");
        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{port}, database meridian: ", exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
    }

    [Fact]
    public async Task GetAsync_ThrowsStoreUnavailableWithinTheDefaultTimeout_WhenTheServerNeverAnswers()
    {
        // A listener that never accepts: the TCP handshake succeeds (the kernel's backlog) and then nothing.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var store = new PostgresJobStore(ClosedPort.ConnectionString(port));
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(JobId.New(), None));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(PostgresConnections.ConnectTimeoutSeconds - 1), TimeSpan.FromSeconds(PostgresConnections.ConnectTimeoutSeconds + 30));
        Assert.Contains("no answer in time", exception.Message);
    }

    [Fact]
    public async Task CreateAsync_LetsAConstraintViolationThroughUnchanged_WhenTheIdIsTaken()
    {
        using var database = new TestDatabase();
        await using var store = await database.CreateStoreAsync();
        var job = NewJob();
        await store.CreateAsync(job, None);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => store.CreateAsync(job, None));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, exception.SqlState);
    }

    [Fact]
    public async Task GetAsync_ThrowsStoreUnavailableOnceThenWorks_WhenTheServerTerminatedItsPooledConnection()
    {
        using var database = new TestDatabase();
        await using var store = await database.CreateStoreAsync();
        var job = NewJob();
        await store.CreateAsync(job, None);

        // With a timeout, pg_terminate_backend returns once the backend has gone (57P01 sent to its client).
        var terminated = await database.QueryAsync(
            $"SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = '{database.ApplicationName}'", row => row.GetBoolean(0));

        Assert.Equal([true], terminated);
        var exception = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync(job.Id, None));
        Assert.Equal(PostgresErrorCodes.AdminShutdown, Assert.IsType<PostgresException>(exception.InnerException).SqlState);
        Assert.Equal(job.Id, (await store.GetAsync(job.Id, None))?.Id);
    }

    private static Job NewJob() => new()
    {
        Id = JobId.New(), Service = "svc", Phase = ExecutionPhase.PENDING, CreationTime = T0, ExecutionDuration = 60,
    };
}
