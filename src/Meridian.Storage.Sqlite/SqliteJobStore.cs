// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. One process owns the file, so writes go
/// through a single connection in turn (no busy retries), while reads use pooled connections alongside.
/// The statements are the relational core's (<see cref="JobStatements"/>).
/// </summary>
public sealed class SqliteJobStore : RelationalJobStore, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);

    public SqliteJobStore(string path)
        : base(SqliteDialect.Instance)
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
        using (var pragmas = _writer.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragmas.ExecuteNonQuery();
        }

        SqliteSchemaMigrator.Migrate(_writer);
    }

    public string Path { get; }

    public void Dispose()
    {
        _writer.Dispose();
        _writeTurn.Dispose();
    }

    protected override async Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        await _writeTurn.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer.CreateCommand();
            Dialect.Prepare(command, statement);
            // Once its turn has come a write is not abandoned half-way: the caller's cancellation stops the wait only.
            return await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Dialect.Prepare(command, statement);
        return await ReadRowsAsync(command, read, cancellationToken);
    }
}
