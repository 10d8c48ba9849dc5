// SPDX-License-Identifier: MIT
using Npgsql;

namespace Meridian.Server.Tests;

/// <summary>
/// A fresh database on the test PostgreSQL server that ./test.sh starts (MERIDIAN_TEST_POSTGRES), dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _admin;

    private PostgresDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("MERIDIAN_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(admin), "MERIDIAN_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL");
        var database = new PostgresDatabase(admin!, "meridian_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync(admin!, $"CREATE DATABASE {database.Name}");
        return database;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
