// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Data.Common;
using Meridian.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode. One process owns the file, so writes go
/// through a single connection in turn (no busy retries), while reads use connections of their own alongside,
/// kept open with their prepared statements (<see cref="PreparedConnection"/>): one per read in flight, of which
/// at most <see cref="MaxIdleReaders"/> are kept between reads (a burst of reads does not leave its connections behind).
/// The statements are the relational core's (<see cref="JobStatements"/>).
/// </summary>
public sealed class SqliteJobStore : RelationalJobStore, IDisposable
{
    private const int MaxIdleReaders = 16;
    private readonly string _connectionString;
    private readonly PreparedConnection _writer;
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly ConcurrentBag<PreparedConnection> _idleReaders = [];
    private int _idleCount;
    private volatile bool _disposed;

    static SqliteJobStore()
    {
        // Every connection of the store is used by one caller at a time (the writer in its turn, a reader by its one read),
        // so SQLite's multi-thread mode is enough: the serialized default locks a connection's mutex around each call, a
        // lock and an unlock for every column of every row read. This must come before the first connection of the process
        // opens; if another part of the process opened one first, SQLite refuses and stays serialized, which is as correct.
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
    }

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
            // The store keeps its connections open itself (with their statements); a disposed store closes the file.
            Pooling = false,
        }.ToString();
        Path = path;
        _writer = new PreparedConnection(_connectionString);
        // WAL lets readers go on while a write commits; NORMAL syncs at checkpoints, which in WAL mode
        // keeps the database consistent after a crash (a power loss may lose only the last commits).
        using (var pragmas = _writer.Connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            pragmas.ExecuteNonQuery();
        }

        SqliteSchemaMigrator.Migrate(_writer.Connection);
    }

    public string Path { get; }

    public void Dispose()
    {
        _disposed = true;
        // A write in flight finishes first: a connection is closed by the caller using it, never beside it. The writes
        // still waiting then get their turn, see the store disposed and give up.
        _writeTurn.Wait();
        _writer.Dispose();
        _writeTurn.Release();
        while (_idleReaders.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    protected override Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken) =>
        InWriteTurnAsync(statement, command => command.ExecuteNonQueryAsync(CancellationToken.None), cancellationToken);

    protected override Task<IReadOnlyList<T>> WriteAndReadAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        InWriteTurnAsync(statement, command => ReadRowsAsync(command, read, CancellationToken.None), cancellationToken);

    /// <summary>
    /// Runs a write on the writer connection in its turn. Once its turn has come a write is not abandoned half-way: the
    /// caller's cancellation stops the wait only.
    /// </summary>
    private async Task<T> InWriteTurnAsync<T>(SqlStatement statement, Func<DbCommand, Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeTurn.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await write(_writer.For(statement));
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        PreparedConnection reader;
        if (_idleReaders.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = idle;
        }
        else
        {
            reader = new PreparedConnection(_connectionString);
        }

        try
        {
            return await ReadRowsAsync(reader.For(statement), read, cancellationToken);
        }
        finally
        {
            Release(reader);
        }
    }

    /// <summary>Keeps a reader for the next read, unless the store is disposed or keeps enough idle ones already.</summary>
    private void Release(PreparedConnection reader)
    {
        if (!_disposed)
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdleReaders)
            {
                _idleReaders.Add(reader);
                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        reader.Dispose();
    }
}
