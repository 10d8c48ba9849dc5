// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace Meridian.Storage.Postgres;

public sealed partial class PostgresJobStore
{
    public async Task<Job?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM jobs WHERE id = @id", p => Add(p, "id", NpgsqlDbType.Text, id), ReadJob, cancellationToken))
            .SingleOrDefault();

    public Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken)
    {
        var (sql, bind) = ListQuery(filter);
        return QueryAsync(sql, bind, reader => new JobListEntry(
            reader.GetString(0), reader.GetString(1), ExecutionPhases.Parse(reader.GetString(2)), Text(reader, 3), Text(reader, 4), Instant(reader, 5)!.Value),
            cancellationToken);
    }

    /// <summary>The job-list query; its order matches the index jobs_by_service, so LAST=N reads about N rows.</summary>
    internal static (string Sql, Action<NpgsqlParameterCollection> Bind) ListQuery(JobListFilter filter)
    {
        var sql = new StringBuilder("SELECT id, service, phase, run_id, owner_id, creation_time FROM jobs WHERE service = @service");
        var binds = new List<Action<NpgsqlParameterCollection>> { p => Add(p, "service", NpgsqlDbType.Text, filter.Service) };
        // Two spellings rather than IS NOT DISTINCT FROM, which the planner cannot estimate or index.
        if (!filter.AnyOwner && filter.OwnerId is { } owner)
        {
            sql.Append(" AND owner_id = @owner");
            binds.Add(p => Add(p, "owner", NpgsqlDbType.Text, owner));
        }
        else if (!filter.AnyOwner)
        {
            sql.Append(" AND owner_id IS NULL");
        }

        if (filter.Phases is { Count: 1 } single)
        {
            // Equality (not ANY) lets jobs_by_service_phase deliver the rows already in order.
            sql.Append(" AND phase = @phase");
            binds.Add(p => Add(p, "phase", NpgsqlDbType.Text, single.Single().ToWire()));
        }
        else if (filter.Phases is { Count: > 1 } phases)
        {
            sql.Append(" AND phase = ANY(@phases)");
            binds.Add(p => Add(p, "phases", NpgsqlDbType.Array | NpgsqlDbType.Text, phases.Select(phase => phase.ToWire()).ToArray()));
        }
        else
        {
            sql.Append(" AND phase <> 'ARCHIVED'");
        }

        if (filter.After is { } after)
        {
            sql.Append(" AND creation_time > @after");
            binds.Add(p => AddInstant(p, "after", after));
        }

        if (filter.Before is { } cursor)
        {
            // A row-value comparison walks the (service, creation_time DESC, id DESC) index from the cursor on.
            sql.Append(" AND (creation_time, id) < (@before_time, @before_id)");
            binds.Add(p => AddInstant(p, "before_time", cursor.CreationTime));
            binds.Add(p => Add(p, "before_id", NpgsqlDbType.Text, cursor.Id));
        }

        sql.Append(" ORDER BY creation_time DESC, id DESC");
        if (filter.Last is { } last)
        {
            sql.Append(" LIMIT @last");
            binds.Add(p => Add(p, "last", NpgsqlDbType.Integer, last));
        }

        return (sql.ToString(), p => binds.ForEach(bind => bind(p)));
    }

    public Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id FROM jobs WHERE destruction IS NOT NULL AND destruction <= @now ORDER BY destruction LIMIT @limit",
            p =>
            {
                AddInstant(p, "now", now);
                Add(p, "limit", NpgsqlDbType.Integer, limit);
            },
            reader => reader.GetString(0), cancellationToken);

    public Task<IReadOnlyList<QueuedJob>> ListQueuedAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync(
            "SELECT id, service FROM jobs WHERE phase = 'QUEUED' AND node_id IS NULL ORDER BY queued_time, id LIMIT @limit",
            p => Add(p, "limit", NpgsqlDbType.Integer, limit),
            reader => new QueuedJob(reader.GetString(0), reader.GetString(1)), cancellationToken);

    public Task<IReadOnlyList<Job>> ListInPhaseAsync(ExecutionPhase phase, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM jobs WHERE phase = @phase ORDER BY creation_time",
            p => Add(p, "phase", NpgsqlDbType.Text, phase.ToWire()), ReadJob, cancellationToken);

    public Task<IReadOnlyList<Job>> ListOrphansAsync(DateTimeOffset heartbeatBefore, CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT {Columns} FROM jobs WHERE (phase = 'EXECUTING' OR (phase = 'QUEUED' AND node_id IS NOT NULL)) AND NOT EXISTS " +
            "(SELECT 1 FROM nodes WHERE nodes.node_id = jobs.node_id AND nodes.heartbeat >= @before) ORDER BY creation_time",
            p => AddInstant(p, "before", heartbeatBefore), ReadJob, cancellationToken);
}
