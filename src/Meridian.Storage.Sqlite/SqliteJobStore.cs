// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. One process owns the file, so writes go
/// through a single connection in turn (no busy retries), while reads use pooled connections alongside.
/// </summary>
public sealed partial class SqliteJobStore : IJobStore, IDisposable
{
    private const string Columns =
        "id, service, owner_id, run_id, phase, creation_time, queued_time, start_time, end_time, execution_duration, " +
        "destruction, parameters, results, error_type, error_message, error_has_detail, executor_handle, node_id, expected_start";

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);

    public SqliteJobStore(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        Path = path;
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        // WAL lets readers go on while a write commits; NORMAL syncs at checkpoints, which in WAL mode
        // keeps the database consistent after a crash (a power loss may lose only the last commits).
        Execute(_writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        SqliteSchemaMigrator.Migrate(_writer);
    }

    public string Path { get; }

    public void Dispose()
    {
        _writer.Dispose();
        _writeTurn.Dispose();
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return await read(connection);
    }

    private async Task<int> WriteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await _writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer.CreateCommand();
            command.CommandText = sql;
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object Ticks(DateTimeOffset? instant) => instant is { } value ? value.UtcTicks : DBNull.Value;

    private static object Nullable(string? text) => text is null ? DBNull.Value : text;

    private static DateTimeOffset? Instant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Job ReadJob(SqliteDataReader reader) =>
        JobRows.Read(reader, static (row, ordinal) => row.IsDBNull(ordinal) ? null : new DateTimeOffset(row.GetInt64(ordinal), TimeSpan.Zero));
}
