// SPDX-License-Identifier: MIT
using Npgsql;
using Xunit.Sdk;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>
/// A fresh, empty schema on the test server (MERIDIAN_TEST_POSTGRES), dropped with everything in it on
/// Dispose. Stores made from <see cref="ConnectionString"/> keep their tables there.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string Variable = "MERIDIAN_TEST_POSTGRES";

    public TestDatabase()
    {
        Schema = "t_" + Guid.NewGuid().ToString("N");
        // Each schema's stores carry its name, so a test can find (and terminate) exactly their connections.
        ApplicationName = "meridian-" + Schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = Schema, ApplicationName = ApplicationName }.ConnectionString;
        Execute($"CREATE SCHEMA {Schema}");
    }

    /// <summary>The test server, as ./test.sh exports it; a test without it fails (it is never skipped).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new XunitException($"{Variable} is not set: run ./test.sh, which starts a private PostgreSQL and sets it.");

    public string Schema { get; }

    public string ApplicationName { get; }

    public string ConnectionString { get; }

    /// <summary>A store on this schema, migrated.</summary>
    public async Task<PostgresJobStore> CreateStoreAsync()
    {
        var store = new PostgresJobStore(ConnectionString);
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    // Unpooled: a pool per schema would keep an idle connection per test open on the server.
    private string AdminConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = Schema, Pooling = false }.ConnectionString;

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
}
