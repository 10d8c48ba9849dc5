// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    public Task<Job?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM jobs WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadJob(reader) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<JobListEntry>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder("SELECT id, service, phase, run_id, owner_id, creation_time FROM jobs WHERE service = $service");
            command.Parameters.AddWithValue("$service", filter.Service);
            if (!filter.AnyOwner)
            {
                sql.Append(" AND owner_id IS $owner");
                command.Parameters.AddWithValue("$owner", Nullable(filter.OwnerId));
            }

            if (filter.Phases is { Count: > 0 } phases)
            {
                var names = phases.Select((phase, i) => (Name: "$p" + i.ToString(CultureInfo.InvariantCulture), Phase: phase)).ToList();
                sql.Append(" AND phase IN (").Append(string.Join(", ", names.Select(n => n.Name))).Append(')');
                names.ForEach(n => command.Parameters.AddWithValue(n.Name, n.Phase.ToWire()));
            }
            else
            {
                sql.Append(" AND phase <> 'ARCHIVED'");
            }

            if (filter.After is { } after)
            {
                sql.Append(" AND creation_time > $after");
                command.Parameters.AddWithValue("$after", after.UtcTicks);
            }

            if (filter.Before is { } cursor)
            {
                // A row-value comparison walks the (service, creation_time DESC, id DESC) index from the cursor on.
                sql.Append(" AND (creation_time, id) < ($before_time, $before_id)");
                command.Parameters.AddWithValue("$before_time", cursor.CreationTime.UtcTicks);
                command.Parameters.AddWithValue("$before_id", cursor.Id);
            }

            sql.Append(" ORDER BY creation_time DESC, id DESC");
            if (filter.Last is { } last)
            {
                sql.Append(" LIMIT $last");
                command.Parameters.AddWithValue("$last", last);
            }

            command.CommandText = sql.ToString();
            var entries = new List<JobListEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new JobListEntry(reader.GetString(0), reader.GetString(1), ExecutionPhases.Parse(reader.GetString(2)), Text(reader, 3), Text(reader, 4), Instant(reader, 5)!.Value));
            }

            return entries;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM jobs WHERE destruction IS NOT NULL AND destruction <= $now ORDER BY destruction LIMIT $limit";
            command.Parameters.AddWithValue("$now", now.UtcTicks);
            command.Parameters.AddWithValue("$limit", limit);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);

    public Task<IReadOnlyList<QueuedJob>> ListQueuedAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<QueuedJob>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, service FROM jobs WHERE phase = 'QUEUED' AND node_id IS NULL ORDER BY queued_time, id LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            var queued = new List<QueuedJob>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                queued.Add(new QueuedJob(reader.GetString(0), reader.GetString(1)));
            }

            return queued;
        }, cancellationToken);

    public Task<IReadOnlyList<Job>> ListInPhaseAsync(ExecutionPhase phase, CancellationToken cancellationToken) =>
        ListJobsAsync($"SELECT {Columns} FROM jobs WHERE phase = $phase ORDER BY creation_time", p => p.AddWithValue("$phase", phase.ToWire()), cancellationToken);

    public Task<IReadOnlyList<Job>> ListOrphansAsync(DateTimeOffset heartbeatBefore, CancellationToken cancellationToken) =>
        ListJobsAsync(
            $"SELECT {Columns} FROM jobs WHERE (phase = 'EXECUTING' OR (phase = 'QUEUED' AND node_id IS NOT NULL)) AND NOT EXISTS " +
            "(SELECT 1 FROM nodes WHERE nodes.node_id = jobs.node_id AND nodes.heartbeat >= $before) ORDER BY creation_time",
            p => p.AddWithValue("$before", heartbeatBefore.UtcTicks), cancellationToken);

    private Task<IReadOnlyList<Job>> ListJobsAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<Job>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            var jobs = new List<Job>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                jobs.Add(ReadJob(reader));
            }

            return jobs;
        }, cancellationToken);
}
