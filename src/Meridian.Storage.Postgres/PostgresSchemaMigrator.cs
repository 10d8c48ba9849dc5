// SPDX-License-Identifier: MIT
using System.Globalization;
using Npgsql;

namespace Meridian.Storage.Postgres;

/// <summary>
/// Applies the embedded Schema/NNNN_*.sql files the database has not seen yet, in order, in one transaction
/// that records their version numbers. Nodes starting at once take turns on an advisory lock (one per
/// schema), and each reads the applied version only once it holds the lock, so no script runs twice.
/// </summary>
internal static class PostgresSchemaMigrator
{
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('meridian.schema.' || COALESCE(current_schema(), ''), 0))";

    /// <summary>Returns the versions it applied (none when the schema was up to date).</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string target, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // At start-up any failure to open (refused, timed out, wrong password, no such database) is
            // "cannot connect": the server says so in one line and stops.
            throw PostgresFailures.Unavailable(target, exception);
        }

        try
        {
            await using (connection)
            {
                return await ApplyAsync(connection, cancellationToken);
            }
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(target, exception);
        }
    }

    /// <summary>The version numbers of the embedded scripts, in order.</summary>
    public static IReadOnlyList<int> EmbeddedVersions() => Scripts().Select(script => script.Version).ToList();

    private static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, LockSql, cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL PRIMARY KEY, applied timestamptz NOT NULL)", cancellationToken);
        await using var query = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
        var current = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var applied = new List<int>();
        foreach (var (version, resource) in Scripts().Where(script => script.Version > current))
        {
            await ExecuteAsync(connection, await ReadAsync(resource, cancellationToken), cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied) VALUES (@version, now())", connection);
            record.Parameters.AddWithValue("version", version);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(version);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static IEnumerable<(int Version, string Resource)> Scripts() =>
        typeof(PostgresSchemaMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.Split('.')[^2].Split('_')[0], CultureInfo.InvariantCulture), Resource: name))
            .OrderBy(script => script.Version);

    private static async Task<string> ReadAsync(string resource, CancellationToken cancellationToken)
    {
        await using var stream = typeof(PostgresSchemaMigrator).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
