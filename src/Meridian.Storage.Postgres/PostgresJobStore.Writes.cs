// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace Meridian.Storage.Postgres;

public sealed partial class PostgresJobStore
{
    public Task CreateAsync(Job job, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"INSERT INTO jobs ({Columns}, upload_bytes, result_bytes) VALUES (@id, @service, @owner, @run, @phase, @created, @queued, @started, @ended, " +
            "@duration, @destruction, @parameters, @results, @error_type, @error_message, @error_detail, @handle, @node, @expected_start, @upload_bytes, @result_bytes)",
            p =>
            {
                Add(p, "id", NpgsqlDbType.Text, job.Id);
                Add(p, "service", NpgsqlDbType.Text, job.Service);
                Add(p, "owner", NpgsqlDbType.Text, job.OwnerId);
                Add(p, "run", NpgsqlDbType.Text, job.RunId);
                Add(p, "phase", NpgsqlDbType.Text, job.Phase.ToWire());
                AddInstant(p, "created", job.CreationTime);
                AddInstant(p, "queued", job.QueuedTime);
                AddInstant(p, "started", job.StartTime);
                AddInstant(p, "ended", job.EndTime);
                Add(p, "duration", NpgsqlDbType.Integer, job.ExecutionDuration);
                AddInstant(p, "destruction", job.Destruction);
                Add(p, "parameters", NpgsqlDbType.Json, StoredJson.Write(job.Parameters));
                Add(p, "results", NpgsqlDbType.Json, StoredJson.Write(job.Results));
                BindError(p, job.Error);
                Add(p, "handle", NpgsqlDbType.Text, job.ExecutorHandle);
                Add(p, "node", NpgsqlDbType.Text, job.NodeId);
                AddInstant(p, "expected_start", job.ExpectedStart);
                Add(p, "upload_bytes", NpgsqlDbType.Bigint, OwnerUsage.UploadBytes(job.Parameters));
                Add(p, "result_bytes", NpgsqlDbType.Bigint, OwnerUsage.ResultBytes(job.Results));
            },
            cancellationToken);

    public async Task<bool> TrySetPhaseAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken)
    {
        // One statement: the row lock taken by UPDATE makes the phase test and the write atomic, so of two
        // nodes claiming a job one updates a row and the other, re-checking after the lock, updates none.
        // The time columns follow StoreSemantics.Apply.
        var stamp = change.Next switch
        {
            ExecutionPhase.QUEUED => "queued_time = @at,",
            ExecutionPhase.EXECUTING => "start_time = COALESCE(start_time, @at),",
            _ when PhaseTransitions.IsTerminal(change.Next) => "end_time = COALESCE(end_time, @at),",
            _ => "",
        };
        var sql = $"UPDATE jobs SET phase = @next, {stamp} " +
                  "results = COALESCE(@results, results), result_bytes = COALESCE(@result_bytes, result_bytes), error_type = COALESCE(@error_type, error_type), " +
                  "error_message = COALESCE(@error_message, error_message), error_has_detail = COALESCE(@error_detail, error_has_detail), " +
                  "executor_handle = COALESCE(@handle, executor_handle), node_id = COALESCE(@node, node_id) WHERE id = @id AND phase = @expected";
        return await ExecuteAsync(sql, p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            Add(p, "expected", NpgsqlDbType.Text, expected.ToWire());
            Add(p, "next", NpgsqlDbType.Text, change.Next.ToWire());
            if (stamp.Length > 0)
            {
                AddInstant(p, "at", change.At);
            }

            Add(p, "results", NpgsqlDbType.Json, change.Results is null ? null : StoredJson.Write(change.Results));
            Add(p, "result_bytes", NpgsqlDbType.Bigint, change.Results is null ? null : OwnerUsage.ResultBytes(change.Results));
            BindError(p, change.Error);
            Add(p, "handle", NpgsqlDbType.Text, change.ExecutorHandle);
            Add(p, "node", NpgsqlDbType.Text, change.NodeId);
        }, cancellationToken) == 1;
    }

    public async Task<bool> TryUpdateParametersAsync(string id, IReadOnlyList<JobParameter> parameters, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET parameters = @parameters, upload_bytes = @upload_bytes WHERE id = @id AND phase = 'PENDING'", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            Add(p, "parameters", NpgsqlDbType.Json, StoredJson.Write(parameters));
            Add(p, "upload_bytes", NpgsqlDbType.Bigint, OwnerUsage.UploadBytes(parameters));
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExecutionDurationAsync(string id, int seconds, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET execution_duration = @seconds WHERE id = @id AND phase = 'PENDING'", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            Add(p, "seconds", NpgsqlDbType.Integer, seconds);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetDestructionAsync(string id, DateTimeOffset destruction, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET destruction = @destruction WHERE id = @id", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            AddInstant(p, "destruction", destruction);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExecutorHandleAsync(string id, string handle, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET executor_handle = @handle WHERE id = @id AND phase IN ('QUEUED', 'EXECUTING')", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            Add(p, "handle", NpgsqlDbType.Text, handle);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExpectedStartAsync(string id, DateTimeOffset expectedStart, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET expected_start = @start WHERE id = @id AND phase = 'QUEUED'", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            AddInstant(p, "start", expectedStart);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetNodeAsync(string id, string? expectedNode, string? nodeId, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE jobs SET node_id = @node WHERE id = @id AND phase IN ('QUEUED', 'EXECUTING') AND node_id IS NOT DISTINCT FROM @expected", p =>
            {
                Add(p, "id", NpgsqlDbType.Text, id);
                Add(p, "expected", NpgsqlDbType.Text, expectedNode);
                Add(p, "node", NpgsqlDbType.Text, nodeId);
            }, cancellationToken) == 1;

    public async Task<bool> TryRecordResultsAsync(string id, IReadOnlyList<JobResult> results, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE jobs SET results = @results, result_bytes = @result_bytes WHERE id = @id AND phase = 'ABORTED'", p =>
        {
            Add(p, "id", NpgsqlDbType.Text, id);
            Add(p, "results", NpgsqlDbType.Json, StoredJson.Write(results));
            Add(p, "result_bytes", NpgsqlDbType.Bigint, OwnerUsage.ResultBytes(results));
        }, cancellationToken) == 1;

    public Task HeartbeatAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO nodes (node_id, heartbeat) VALUES (@node, @now) ON CONFLICT (node_id) DO UPDATE SET heartbeat = excluded.heartbeat",
            p =>
            {
                Add(p, "node", NpgsqlDbType.Text, nodeId);
                AddInstant(p, "now", now);
            },
            cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM jobs WHERE id = @id", p => Add(p, "id", NpgsqlDbType.Text, id), cancellationToken) == 1;

    private static void BindError(NpgsqlParameterCollection p, ErrorSummary? error)
    {
        Add(p, "error_type", NpgsqlDbType.Text, error is null ? null : JobRows.StoredName(error.Type));
        Add(p, "error_message", NpgsqlDbType.Text, error?.Message);
        Add(p, "error_detail", NpgsqlDbType.Boolean, error?.HasDetail);
    }
}
