// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Storage.Relational;

/// <summary>
/// The reads of the jobs and nodes tables, written once for SQLite and PostgreSQL. Owner and node tests are
/// spelt "= @x" or "IS NULL" rather than IS (SQLite) or IS NOT DISTINCT FROM (PostgreSQL): one spelling both
/// understand, and one the PostgreSQL planner can serve from an index.
/// </summary>
public static partial class JobStatements
{
    /// <summary>Phases in which a job is in an executor's hands (queued with a batch scheduler, or running).</summary>
    internal static readonly string HandedOver = PhaseList([ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING]);

    public static SqlStatement Get(string id) =>
        new SqlStatement($"SELECT {JobRows.Columns} FROM jobs WHERE id = @id").With("id", ColumnKind.Text, id);

    /// <summary>The job-list query; its order matches the index jobs_by_service, so LAST=N reads about N rows.</summary>
    public static SqlStatement List(JobListFilter filter)
    {
        var sql = new StringBuilder("SELECT id, service, phase, run_id, owner_id, creation_time FROM jobs WHERE service = @service");
        var arguments = new List<SqlArgument> { new("service", ColumnKind.Text, filter.Service) };
        if (!filter.AnyOwner)
        {
            sql.Append(filter.OwnerId is null ? " AND owner_id IS NULL" : " AND owner_id = @owner");
            if (filter.OwnerId is { } owner)
            {
                arguments.Add(new("owner", ColumnKind.Text, owner));
            }
        }

        if (filter.Phases is { Count: > 0 } phases)
        {
            // One phase is an equality, which lets jobs_by_service_phase deliver the rows already in order.
            var names = phases.Order().Select((phase, i) => (Name: "phase" + i.ToString(CultureInfo.InvariantCulture), Phase: phase)).ToList();
            sql.Append(names.Count == 1 ? " AND phase = @phase0" : $" AND phase IN ({string.Join(", ", names.Select(n => "@" + n.Name))})");
            arguments.AddRange(names.Select(n => new SqlArgument(n.Name, ColumnKind.Text, n.Phase.ToWire())));
        }
        else
        {
            sql.Append(" AND phase <> 'ARCHIVED'");
        }

        if (filter.SweepId is { } sweep)
        {
            sql.Append(" AND sweep_id = @sweep");
            arguments.Add(new("sweep", ColumnKind.Text, sweep));
        }

        if (filter.After is { } after)
        {
            sql.Append(" AND creation_time > @after");
            arguments.Add(new("after", ColumnKind.Instant, after));
        }

        if (filter.Before is { } cursor)
        {
            // A row-value comparison walks the (service, creation_time DESC, id DESC) index from the cursor on.
            sql.Append(" AND (creation_time, id) < (@before_time, @before_id)");
            arguments.Add(new("before_time", ColumnKind.Instant, cursor.CreationTime));
            arguments.Add(new("before_id", ColumnKind.Text, cursor.Id));
        }

        sql.Append(" ORDER BY creation_time DESC, id DESC");
        if (filter.Last is { } last)
        {
            sql.Append(" LIMIT @last");
            arguments.Add(new("last", ColumnKind.Integer, last));
        }

        var statement = new SqlStatement(sql.ToString());
        foreach (var argument in arguments)
        {
            statement.With(argument.Name, argument.Kind, argument.Value);
        }

        return statement;
    }

    public static SqlStatement ListExpired(DateTimeOffset now, int limit) =>
        new SqlStatement("SELECT id FROM jobs WHERE destruction IS NOT NULL AND destruction <= @now ORDER BY destruction LIMIT @limit")
            .With("now", ColumnKind.Instant, now)
            .With("limit", ColumnKind.Integer, limit);

    public static SqlStatement ListQueued(int limit) =>
        new SqlStatement("SELECT id, service FROM jobs WHERE phase = 'QUEUED' AND node_id IS NULL ORDER BY queued_time, id LIMIT @limit")
            .With("limit", ColumnKind.Integer, limit);

    public static SqlStatement ListInPhase(ExecutionPhase phase) =>
        new SqlStatement($"SELECT {JobRows.Columns} FROM jobs WHERE phase = @phase ORDER BY creation_time")
            .With("phase", ColumnKind.Text, phase.ToWire());

    public static SqlStatement ListOrphans(DateTimeOffset heartbeatBefore) =>
        new SqlStatement(
                $"SELECT {JobRows.Columns} FROM jobs WHERE (phase = 'EXECUTING' OR (phase = 'QUEUED' AND node_id IS NOT NULL)) AND NOT EXISTS " +
                "(SELECT 1 FROM nodes WHERE nodes.node_id = jobs.node_id AND nodes.heartbeat >= @before) ORDER BY creation_time")
            .With("before", ColumnKind.Instant, heartbeatBefore);

    /// <summary>Active jobs, stored jobs and their bytes for one owner, in one pass over jobs_by_owner.</summary>
    public static SqlStatement Usage(string? ownerId)
    {
        var active = PhaseList(Enum.GetValues<ExecutionPhase>().Where(OwnerUsage.CountsAsActive));
        var statement = new SqlStatement(
            $"SELECT COALESCE(SUM(CASE WHEN phase IN {active} THEN 1 ELSE 0 END), 0), COUNT(*), COALESCE(SUM(upload_bytes + result_bytes), 0) " +
            "FROM jobs WHERE " + (ownerId is null ? "owner_id IS NULL" : "owner_id = @owner"));
        return ownerId is null ? statement : statement.With("owner", ColumnKind.Text, ownerId);
    }

    /// <summary>The census of /metrics: how many jobs each service has in each phase, counted by the database.</summary>
    public static SqlStatement CountByPhase() =>
        new("SELECT service, phase, COUNT(*) FROM jobs GROUP BY service, phase");

    /// <summary>A phase set as a SQL list of literals: ('QUEUED', 'EXECUTING').</summary>
    private static string PhaseList(IEnumerable<ExecutionPhase> phases) =>
        "(" + string.Join(", ", phases.Select(phase => "'" + phase.ToWire() + "'")) + ")";
}
