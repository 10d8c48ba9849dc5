// SPDX-License-Identifier: MIT
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Meridian.Bench;

/// <summary>
/// Fills a store to <see cref="Plan.ListStoredJobs"/> jobs with one bulk statement straight into its database
/// (through HTTP that would take some 50 s per store). The rows match the schema's columns as the stores
/// write them: 22-character ids, the trivial service, parameters and results '[]', one phase in four
/// COMPLETED (the others PENDING or ABORTED, with the time columns their phase implies), creation times 1 ms
/// apart and older than every job already there, the execution duration and destruction of the jobs already
/// there.
/// </summary>
internal static class BulkRows
{
    private const string Columns = "id, service, owner_id, run_id, phase, creation_time, queued_time, start_time, end_time, " +
        "execution_duration, destruction, parameters, results, error_type, error_message, error_has_detail, executor_handle, node_id";

    /// <summary>SQLite, with the server stopped: one transaction. Returns how many rows it inserted.</summary>
    public static async Task<int> FillSqliteAsync(string databaseFile, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        var missing = Plan.ListStoredJobs - Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) FROM jobs WHERE service = 'trivial'", cancellationToken));
        if (missing <= 0)
        {
            return 0;
        }

        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        // Ticks: 10,000 per ms. The job's times follow its creation by 1 ms (queued), 2 ms (started), 3 ms (ended).
        insert.CommandText =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count), " +
            "o AS (SELECT min(creation_time) AS oldest, max(execution_duration) AS duration, max(destruction) AS destruction FROM jobs) " +
            $"INSERT INTO jobs ({Columns}) " +
            "SELECT printf('bulk%018d', i), $service, NULL, NULL, " +
            "CASE i % 4 WHEN 0 THEN 'COMPLETED' WHEN 3 THEN 'ABORTED' ELSE 'PENDING' END, " +
            "o.oldest - i * 10000, " +
            "CASE WHEN i % 4 = 0 THEN o.oldest - i * 10000 + 10000 END, " +
            "CASE WHEN i % 4 = 0 THEN o.oldest - i * 10000 + 20000 END, " +
            "CASE WHEN i % 4 IN (0, 3) THEN o.oldest - i * 10000 + 30000 END, " +
            "o.duration, o.destruction, '[]', '[]', NULL, NULL, NULL, NULL, NULL FROM n, o";
        insert.Parameters.AddWithValue("$count", missing);
        insert.Parameters.AddWithValue("$service", UwsClient.Service);
        var inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// PostgreSQL, with the servers running: one INSERT ... SELECT generate_series, with the change-feed
    /// trigger off for this session only (session_replication_role = replica), so that the nodes are not sent
    /// 100,000 NOTIFYs; then ANALYZE, as autovacuum would after such an insert. Returns how many rows it inserted.
    /// </summary>
    public static async Task<int> FillPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Command Timeout=120");
        await connection.OpenAsync(cancellationToken);
        var missing = Plan.ListStoredJobs - Convert.ToInt32(await ScalarAsync(connection, "SELECT count(*) FROM jobs WHERE service = 'trivial'", cancellationToken));
        if (missing <= 0)
        {
            return 0;
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText =
            "SET session_replication_role = replica; " +
            $"INSERT INTO jobs ({Columns}) " +
            "SELECT 'bulk' || lpad(i::text, 18, '0'), @service, NULL, NULL, " +
            "CASE i % 4 WHEN 0 THEN 'COMPLETED' WHEN 3 THEN 'ABORTED' ELSE 'PENDING' END, " +
            "o.oldest - i * interval '1 millisecond', " +
            "CASE WHEN i % 4 = 0 THEN o.oldest - (i - 1) * interval '1 millisecond' END, " +
            "CASE WHEN i % 4 = 0 THEN o.oldest - (i - 2) * interval '1 millisecond' END, " +
            "CASE WHEN i % 4 IN (0, 3) THEN o.oldest - (i - 3) * interval '1 millisecond' END, " +
            "o.duration, o.destruction, '[]'::json, '[]'::json, NULL, NULL, NULL, NULL, NULL " +
            "FROM generate_series(1, @count) AS i, " +
            "(SELECT min(creation_time) AS oldest, max(execution_duration) AS duration, max(destruction) AS destruction FROM jobs) AS o; " +
            "RESET session_replication_role; ANALYZE jobs;";
        insert.Parameters.AddWithValue("service", UwsClient.Service);
        insert.Parameters.AddWithValue("count", missing);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return missing;
    }

    public static async Task<long> CountAsync(string connectionString, string phase, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM jobs WHERE phase = @phase", connection);
        command.Parameters.AddWithValue("phase", phase);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<object?> ScalarAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
