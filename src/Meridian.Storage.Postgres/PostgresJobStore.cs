// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Meridian.Storage.Postgres;

/// <summary>
/// Jobs in a PostgreSQL database that several server nodes may share. Every write is one statement, so
/// compare-and-set is the database's own row locking; a trigger announces each change (LISTEN/NOTIFY),
/// which <see cref="ReadChangesAsync"/> relays. Connection failures surface as StoreUnavailableException.
/// </summary>
public sealed partial class PostgresJobStore : IJobStore, IJobChangeFeed, IDisposable, IAsyncDisposable
{
    private const string Columns =
        "id, service, owner_id, run_id, phase, creation_time, queued_time, start_time, end_time, execution_duration, " +
        "destruction, parameters, results, error_type, error_message, error_has_detail, executor_handle, node_id, expected_start";

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _listenSource;
    private readonly ILogger _logger;

    /// <summary>A store over the given database; nothing is opened until the first call (see MigrateAsync).</summary>
    public PostgresJobStore(string connectionString, ILogger<PostgresJobStore>? logger = null)
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

    private async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(sql);
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(Target, exception);
        }
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Action<NpgsqlParameterCollection> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(sql);
            bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(Target, exception);
        }
    }

    private static void Add(NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, object? value) =>
        parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    // Npgsql writes only UTC DateTimeOffsets to timestamptz; the instant is what is kept, not the offset.
    private static void AddInstant(NpgsqlParameterCollection parameters, string name, DateTimeOffset? instant) =>
        Add(parameters, name, NpgsqlDbType.TimestampTz, instant?.ToUniversalTime());

    private static DateTimeOffset? Instant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Job ReadJob(NpgsqlDataReader reader) =>
        JobRows.Read(reader, static (row, ordinal) => row.IsDBNull(ordinal) ? null : row.GetFieldValue<DateTimeOffset>(ordinal));
}
