// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Storage.Relational;

/// <summary>
/// A job store over a relational database: every read and write of <see cref="IJobStore"/>, written once
/// (<see cref="JobStatements"/>, <see cref="JobRows"/>). A dialect says how arguments are bound; the store
/// that derives from this says how a statement reaches its database (a single writer for SQLite, a pool and
/// failure mapping for PostgreSQL) and keeps what only its database has (schema scripts, change feed).
/// </summary>
public abstract class RelationalJobStore(SqlDialect dialect) : IJobStore
{
    protected SqlDialect Dialect { get; } = dialect;

    /// <summary>Runs a write; the number of rows it changed.</summary>
    protected abstract Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken);

    /// <summary>Runs a write whose statement answers rows (RETURNING), as a write: in the writer's turn where there is one.</summary>
    protected abstract Task<IReadOnlyList<T>> WriteAndReadAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken);

    /// <summary>Runs a read; one item per row.</summary>
    protected abstract Task<IReadOnlyList<T>> QueryAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken);

    public Task CreateAsync(Job job, CancellationToken cancellationToken) => ExecuteAsync(JobStatements.Create(job), cancellationToken);

    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync(JobStatements.Get(id), ReadJob, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken) =>
        // The service is the filter's: one string for the whole list rather than one read per row.
        QueryAsync(JobStatements.List(filter), reader => new JobListEntry(
            reader.GetString(0), filter.Service, ExecutionPhases.Parse(reader.GetString(2)),
            SqlDialect.ReadText(reader, 3), SqlDialect.ReadText(reader, 4), Dialect.ReadInstant(reader, 5)!.Value), cancellationToken);

    public async Task<bool> TrySetPhaseAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetPhase(id, expected, change), cancellationToken) == 1;

    public async Task<Job?> TrySetPhaseAndReadAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken) =>
        (await WriteAndReadAsync(JobStatements.SetPhase(id, expected, change, returningJob: true), ReadJob, cancellationToken)).SingleOrDefault();

    public async Task<bool> TryUpdateParametersAsync(string id, IReadOnlyList<JobParameter> parameters, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.UpdateParameters(id, parameters), cancellationToken) == 1;

    public async Task<bool> TrySetExecutionDurationAsync(string id, int seconds, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetExecutionDuration(id, seconds), cancellationToken) == 1;

    public async Task<bool> TrySetDestructionAsync(string id, DateTimeOffset destruction, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetDestruction(id, destruction), cancellationToken) == 1;

    public async Task<bool> TrySetExecutorHandleAsync(string id, string handle, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetExecutorHandle(id, handle), cancellationToken) == 1;

    public async Task<bool> TrySetNodeAsync(string id, string? expectedNode, string? nodeId, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetNode(id, expectedNode, nodeId), cancellationToken) == 1;

    public async Task<bool> TrySetExpectedStartAsync(string id, DateTimeOffset expectedStart, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.SetExpectedStart(id, expectedStart), cancellationToken) == 1;

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.Delete(id), cancellationToken) == 1;

    public Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync(JobStatements.ListExpired(now, limit), reader => reader.GetString(0), cancellationToken);

    public Task<IReadOnlyList<QueuedJob>> ListQueuedAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync(JobStatements.ListQueued(limit), reader => new QueuedJob(reader.GetString(0), reader.GetString(1)), cancellationToken);

    public Task<IReadOnlyList<Job>> ListInPhaseAsync(ExecutionPhase phase, CancellationToken cancellationToken) =>
        QueryAsync(JobStatements.ListInPhase(phase), ReadJob, cancellationToken);

    public async Task<bool> TryRecordResultsAsync(string id, IReadOnlyList<JobResult> results, CancellationToken cancellationToken) =>
        await ExecuteAsync(JobStatements.RecordResults(id, results), cancellationToken) == 1;

    public Task HeartbeatAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(JobStatements.Heartbeat(nodeId, now), cancellationToken);

    public Task<IReadOnlyList<Job>> ListOrphansAsync(DateTimeOffset heartbeatBefore, CancellationToken cancellationToken) =>
        QueryAsync(JobStatements.ListOrphans(heartbeatBefore), ReadJob, cancellationToken);

    public async Task<OwnerUsage> UsageAsync(string? ownerId, CancellationToken cancellationToken) =>
        (await QueryAsync(JobStatements.Usage(ownerId), reader => new OwnerUsage(
            (int)SqlDialect.ReadCount(reader, 0), (int)SqlDialect.ReadCount(reader, 1), SqlDialect.ReadCount(reader, 2)), cancellationToken)).Single();

    public Task<IReadOnlyList<PhaseCount>> CountByPhaseAsync(CancellationToken cancellationToken) =>
        QueryAsync(JobStatements.CountByPhase(), reader => new PhaseCount(
            reader.GetString(0), ExecutionPhases.Parse(reader.GetString(1)), SqlDialect.ReadCount(reader, 2)), cancellationToken);

    /// <summary>Runs a prepared read command and reads every row.</summary>
    protected static async Task<IReadOnlyList<T>> ReadRowsAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private Job ReadJob(DbDataReader reader) => JobRows.Read(reader, Dialect);
}
