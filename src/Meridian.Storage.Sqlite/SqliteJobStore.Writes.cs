// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Storage.Sqlite;

public sealed partial class SqliteJobStore
{
    public Task CreateAsync(Job job, CancellationToken cancellationToken) =>
        WriteAsync(
            $"INSERT INTO jobs ({Columns}, upload_bytes, result_bytes) VALUES ($id, $service, $owner, $run, $phase, $created, $queued, $started, $ended, " +
            "$duration, $destruction, $parameters, $results, $error_type, $error_message, $error_detail, $handle, $node, $expected_start, $upload_bytes, $result_bytes)",
            p =>
            {
                p.AddWithValue("$id", job.Id);
                p.AddWithValue("$service", job.Service);
                p.AddWithValue("$owner", Nullable(job.OwnerId));
                p.AddWithValue("$run", Nullable(job.RunId));
                p.AddWithValue("$phase", job.Phase.ToWire());
                p.AddWithValue("$created", job.CreationTime.UtcTicks);
                p.AddWithValue("$queued", Ticks(job.QueuedTime));
                p.AddWithValue("$started", Ticks(job.StartTime));
                p.AddWithValue("$ended", Ticks(job.EndTime));
                p.AddWithValue("$duration", job.ExecutionDuration);
                p.AddWithValue("$destruction", Ticks(job.Destruction));
                p.AddWithValue("$parameters", StoredJson.Write(job.Parameters));
                p.AddWithValue("$results", StoredJson.Write(job.Results));
                BindError(p, job.Error);
                p.AddWithValue("$handle", Nullable(job.ExecutorHandle));
                p.AddWithValue("$node", Nullable(job.NodeId));
                p.AddWithValue("$expected_start", Ticks(job.ExpectedStart));
                p.AddWithValue("$upload_bytes", OwnerUsage.UploadBytes(job.Parameters));
                p.AddWithValue("$result_bytes", OwnerUsage.ResultBytes(job.Results));
            },
            cancellationToken);

    public async Task<bool> TrySetPhaseAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken)
    {
        // The time columns follow StoreSemantics.Apply: entering QUEUED stamps queued_time, EXECUTING the
        // first start_time, a final phase the first end_time.
        var stamp = change.Next switch
        {
            ExecutionPhase.QUEUED => "queued_time = $at,",
            ExecutionPhase.EXECUTING => "start_time = COALESCE(start_time, $at),",
            _ when PhaseTransitions.IsTerminal(change.Next) => "end_time = COALESCE(end_time, $at),",
            _ => "",
        };
        var sql = $"UPDATE jobs SET phase = $next, {stamp} " +
                  "results = COALESCE($results, results), result_bytes = COALESCE($result_bytes, result_bytes), error_type = COALESCE($error_type, error_type), " +
                  "error_message = COALESCE($error_message, error_message), error_has_detail = COALESCE($error_detail, error_has_detail), " +
                  "executor_handle = COALESCE($handle, executor_handle), node_id = COALESCE($node, node_id) WHERE id = $id AND phase = $expected";
        return await WriteAsync(sql, p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$expected", expected.ToWire());
            p.AddWithValue("$next", change.Next.ToWire());
            p.AddWithValue("$at", change.At.UtcTicks);
            p.AddWithValue("$results", change.Results is null ? DBNull.Value : StoredJson.Write(change.Results));
            p.AddWithValue("$result_bytes", change.Results is null ? DBNull.Value : OwnerUsage.ResultBytes(change.Results));
            BindError(p, change.Error);
            p.AddWithValue("$handle", Nullable(change.ExecutorHandle));
            p.AddWithValue("$node", Nullable(change.NodeId));
        }, cancellationToken) == 1;
    }

    public async Task<bool> TryUpdateParametersAsync(string id, IReadOnlyList<JobParameter> parameters, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET parameters = $parameters, upload_bytes = $upload_bytes WHERE id = $id AND phase = 'PENDING'", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$parameters", StoredJson.Write(parameters));
            p.AddWithValue("$upload_bytes", OwnerUsage.UploadBytes(parameters));
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExecutionDurationAsync(string id, int seconds, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET execution_duration = $seconds WHERE id = $id AND phase = 'PENDING'", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$seconds", seconds);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetDestructionAsync(string id, DateTimeOffset destruction, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET destruction = $destruction WHERE id = $id", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$destruction", destruction.UtcTicks);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExecutorHandleAsync(string id, string handle, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET executor_handle = $handle WHERE id = $id AND phase IN ('QUEUED', 'EXECUTING')", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$handle", handle);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetExpectedStartAsync(string id, DateTimeOffset expectedStart, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET expected_start = $start WHERE id = $id AND phase = 'QUEUED'", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$start", expectedStart.UtcTicks);
        }, cancellationToken) == 1;

    public async Task<bool> TrySetNodeAsync(string id, string? expectedNode, string? nodeId, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET node_id = $node WHERE id = $id AND phase IN ('QUEUED', 'EXECUTING') AND node_id IS $expected", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$expected", Nullable(expectedNode));
            p.AddWithValue("$node", Nullable(nodeId));
        }, cancellationToken) == 1;

    public async Task<bool> TryRecordResultsAsync(string id, IReadOnlyList<JobResult> results, CancellationToken cancellationToken) =>
        await WriteAsync("UPDATE jobs SET results = $results, result_bytes = $result_bytes WHERE id = $id AND phase = 'ABORTED'", p =>
        {
            p.AddWithValue("$id", id);
            p.AddWithValue("$results", StoredJson.Write(results));
            p.AddWithValue("$result_bytes", OwnerUsage.ResultBytes(results));
        }, cancellationToken) == 1;

    public Task HeartbeatAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync("INSERT INTO nodes (node_id, heartbeat) VALUES ($node, $now) ON CONFLICT (node_id) DO UPDATE SET heartbeat = excluded.heartbeat", p =>
        {
            p.AddWithValue("$node", nodeId);
            p.AddWithValue("$now", now.UtcTicks);
        }, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await WriteAsync("DELETE FROM jobs WHERE id = $id", p => p.AddWithValue("$id", id), cancellationToken) == 1;

    private static void BindError(Microsoft.Data.Sqlite.SqliteParameterCollection p, ErrorSummary? error)
    {
        p.AddWithValue("$error_type", error is null ? DBNull.Value : JobRows.StoredName(error.Type));
        p.AddWithValue("$error_message", Nullable(error?.Message));
        p.AddWithValue("$error_detail", error is null ? DBNull.Value : error.HasDetail ? 1 : 0);
    }
}
