// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Storage.Relational;

/// <summary>
/// The writes. Each is one statement, so a compare-and-set ("WHERE id = @id AND phase = @expected") is atomic in
/// either database: SQLite has one writer at a time, PostgreSQL re-checks the condition under the row lock.
/// </summary>
public static partial class JobStatements
{
    public static SqlStatement Create(Job job)
    {
        var statement = new SqlStatement(
                $"INSERT INTO jobs ({JobRows.Columns}, upload_bytes, result_bytes) VALUES (@id, @service, @owner, @run, @phase, @created, @queued, " +
                "@started, @ended, @duration, @destruction, @parameters, @results, @error_type, @error_message, @error_detail, @handle, @node, " +
                "@expected_start, @sweep, @upload_bytes, @result_bytes)")
            .With("id", ColumnKind.Text, job.Id)
            .With("service", ColumnKind.Text, job.Service)
            .With("owner", ColumnKind.Text, job.OwnerId)
            .With("run", ColumnKind.Text, job.RunId)
            .With("phase", ColumnKind.Text, job.Phase.ToWire())
            .With("created", ColumnKind.Instant, job.CreationTime)
            .With("queued", ColumnKind.Instant, job.QueuedTime)
            .With("started", ColumnKind.Instant, job.StartTime)
            .With("ended", ColumnKind.Instant, job.EndTime)
            .With("duration", ColumnKind.Integer, job.ExecutionDuration)
            .With("destruction", ColumnKind.Instant, job.Destruction)
            .With("parameters", ColumnKind.Json, StoredJson.Write(job.Parameters))
            .With("results", ColumnKind.Json, StoredJson.Write(job.Results))
            .With("handle", ColumnKind.Text, job.ExecutorHandle)
            .With("node", ColumnKind.Text, job.NodeId)
            .With("expected_start", ColumnKind.Instant, job.ExpectedStart)
            .With("sweep", ColumnKind.Text, job.SweepId)
            .With("upload_bytes", ColumnKind.BigInteger, OwnerUsage.UploadBytes(job.Parameters))
            .With("result_bytes", ColumnKind.BigInteger, OwnerUsage.ResultBytes(job.Results));
        return WithError(statement, job.Error);
    }

    /// <summary>
    /// The phase compare-and-set. The time columns follow StoreSemantics.Apply: entering QUEUED stamps
    /// queued_time, EXECUTING the first start_time, a final phase the first end_time; results, error, handle
    /// and node are written when the change carries them.
    /// </summary>
    /// <param name="returningJob">Whether the statement answers the job as it leaves it (RETURNING, in SQLite and PostgreSQL alike).</param>
    public static SqlStatement SetPhase(string id, ExecutionPhase expected, PhaseChange change, bool returningJob = false)
    {
        var stamp = change.Next switch
        {
            ExecutionPhase.QUEUED => "queued_time = @at,",
            ExecutionPhase.EXECUTING => "start_time = COALESCE(start_time, @at),",
            _ when PhaseTransitions.IsTerminal(change.Next) => "end_time = COALESCE(end_time, @at),",
            _ => "",
        };
        var statement = new SqlStatement(
                $"UPDATE jobs SET phase = @next, {stamp} " +
                "results = COALESCE(@results, results), result_bytes = COALESCE(@result_bytes, result_bytes), error_type = COALESCE(@error_type, error_type), " +
                "error_message = COALESCE(@error_message, error_message), error_has_detail = COALESCE(@error_detail, error_has_detail), " +
                "executor_handle = COALESCE(@handle, executor_handle), node_id = COALESCE(@node, node_id) WHERE id = @id AND phase = @expected" +
                (returningJob ? $" RETURNING {JobRows.Columns}" : ""))
            .With("id", ColumnKind.Text, id)
            .With("expected", ColumnKind.Text, expected.ToWire())
            .With("next", ColumnKind.Text, change.Next.ToWire())
            .With("results", ColumnKind.Json, change.Results is null ? null : StoredJson.Write(change.Results))
            .With("result_bytes", ColumnKind.BigInteger, change.Results is null ? null : OwnerUsage.ResultBytes(change.Results))
            .With("handle", ColumnKind.Text, change.ExecutorHandle)
            .With("node", ColumnKind.Text, change.NodeId);
        if (stamp.Length > 0)
        {
            statement.With("at", ColumnKind.Instant, change.At);
        }

        return WithError(statement, change.Error);
    }

    public static SqlStatement UpdateParameters(string id, IReadOnlyList<JobParameter> parameters) =>
        new SqlStatement("UPDATE jobs SET parameters = @parameters, upload_bytes = @upload_bytes WHERE id = @id AND phase = 'PENDING'")
            .With("id", ColumnKind.Text, id)
            .With("parameters", ColumnKind.Json, StoredJson.Write(parameters))
            .With("upload_bytes", ColumnKind.BigInteger, OwnerUsage.UploadBytes(parameters));

    public static SqlStatement SetExecutionDuration(string id, int seconds) =>
        new SqlStatement("UPDATE jobs SET execution_duration = @seconds WHERE id = @id AND phase = 'PENDING'")
            .With("id", ColumnKind.Text, id)
            .With("seconds", ColumnKind.Integer, seconds);

    public static SqlStatement SetDestruction(string id, DateTimeOffset destruction) =>
        new SqlStatement("UPDATE jobs SET destruction = @destruction WHERE id = @id")
            .With("id", ColumnKind.Text, id)
            .With("destruction", ColumnKind.Instant, destruction);

    public static SqlStatement SetExecutorHandle(string id, string handle) =>
        new SqlStatement($"UPDATE jobs SET executor_handle = @handle WHERE id = @id AND phase IN {HandedOver}")
            .With("id", ColumnKind.Text, id)
            .With("handle", ColumnKind.Text, handle);

    public static SqlStatement SetExpectedStart(string id, DateTimeOffset expectedStart) =>
        new SqlStatement("UPDATE jobs SET expected_start = @start WHERE id = @id AND phase = 'QUEUED'")
            .With("id", ColumnKind.Text, id)
            .With("start", ColumnKind.Instant, expectedStart);

    public static SqlStatement SetNode(string id, string? expectedNode, string? nodeId)
    {
        var statement = new SqlStatement(
                $"UPDATE jobs SET node_id = @node WHERE id = @id AND phase IN {HandedOver} AND " +
                (expectedNode is null ? "node_id IS NULL" : "node_id = @expected"))
            .With("id", ColumnKind.Text, id)
            .With("node", ColumnKind.Text, nodeId);
        return expectedNode is null ? statement : statement.With("expected", ColumnKind.Text, expectedNode);
    }

    public static SqlStatement RecordResults(string id, IReadOnlyList<JobResult> results) =>
        new SqlStatement("UPDATE jobs SET results = @results, result_bytes = @result_bytes WHERE id = @id AND phase = 'ABORTED'")
            .With("id", ColumnKind.Text, id)
            .With("results", ColumnKind.Json, StoredJson.Write(results))
            .With("result_bytes", ColumnKind.BigInteger, OwnerUsage.ResultBytes(results));

    public static SqlStatement Heartbeat(string nodeId, DateTimeOffset now) =>
        new SqlStatement("INSERT INTO nodes (node_id, heartbeat) VALUES (@node, @now) ON CONFLICT (node_id) DO UPDATE SET heartbeat = excluded.heartbeat")
            .With("node", ColumnKind.Text, nodeId)
            .With("now", ColumnKind.Instant, now);

    public static SqlStatement Delete(string id) =>
        new SqlStatement("DELETE FROM jobs WHERE id = @id").With("id", ColumnKind.Text, id);

    private static SqlStatement WithError(SqlStatement statement, ErrorSummary? error) =>
        statement
            .With("error_type", ColumnKind.Text, error is null ? null : JobRows.StoredName(error.Type))
            .With("error_message", ColumnKind.Text, error?.Message)
            .With("error_detail", ColumnKind.Boolean, error?.HasDetail);
}
