// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Engine.Storage;
using Meridian.Storage.Relational;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Meridian.Storage.Postgres;

/// <summary>
/// Jobs in a PostgreSQL database that several server nodes may share. Every write is one statement, so
/// compare-and-set is the database's own row locking; a trigger announces each change (LISTEN/NOTIFY),
/// which <see cref="ReadChangesAsync"/> relays. Connection failures surface as StoreUnavailableException.
/// </summary>
public sealed partial class PostgresJobStore : RelationalJobStore, IJobChangeFeed, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _listenSource;
    private readonly ILogger _logger;

    /// <summary>A store over the given database; nothing is opened until the first call (see MigrateAsync).</summary>
    public PostgresJobStore(string connectionString, ILogger<PostgresJobStore>? logger = null)
        : base(PostgresDialect.Instance)
    {
        var settings = PostgresConnections.WithDefaults(connectionString);
        Target = PostgresConnections.Describe(settings);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _dataSource = NpgsqlDataSource.Create(settings);
        _listenSource = NpgsqlDataSource.Create(PostgresConnections.ForListening(settings));
    }

    /// <summary>Host, port and database, as named in messages: "127.0.0.1:5432, database meridian".</summary>
    public string Target { get; }

    /// <summary>
    /// Brings the schema up to date (Schema/NNNN_*.sql). Safe when several nodes start at once: they take
    /// turns and each script is applied once.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = await PostgresSchemaMigrator.MigrateAsync(_dataSource, Target, cancellationToken);
        foreach (var version in applied)
        {
            Log.SchemaApplied(_logger, version, Target);
        }
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _listenSource.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _listenSource.DisposeAsync();
    }

    // Every write is one statement on a pooled connection: compare-and-set is the database's own row locking.
    protected override async Task<int> ExecuteAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand();
            Dialect.Prepare(command, statement);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(Target, exception);
        }
    }

    // A statement on a pooled connection, as any write: its rows are read as a query's are.
    protected override Task<IReadOnlyList<T>> WriteAndReadAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        QueryAsync(statement, read, cancellationToken);

    protected override async Task<IReadOnlyList<T>> QueryAsync<T>(SqlStatement statement, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand();
            Dialect.Prepare(command, statement);
            return await ReadRowsAsync(command, read, cancellationToken);
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(Target, exception);
        }
    }
}
