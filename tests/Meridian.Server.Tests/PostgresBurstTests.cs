// SPDX-License-Identifier: MIT
using System.Net;
using Npgsql;

namespace Meridian.Server.Tests;

/// <summary>
/// A burst of concurrent requests on PostgreSQL queues for the store's connections instead of failing: the
/// pool stays below what the database admits (here a role limited to 25 connections, as a data centre's
/// PostgreSQL grants a service; Npgsql's own default pool is 100), so no request gets a 503.
/// </summary>
public sealed class PostgresBurstTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private MeridianApplication _app = null!;
    private string _role = "";

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        // Superusers ignore connection limits: the server connects as a role of its own, owner of the database.
        _role = "meridian_burst_" + Guid.NewGuid().ToString("N")[..8];
        var password = Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(_database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"CREATE ROLE {_role} LOGIN PASSWORD '{password}' CONNECTION LIMIT 25; ALTER DATABASE {_database.Name} OWNER TO {_role}", admin);
            await command.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role, Password = password };
        _app = StartServer(connection.ConnectionString);
    }

    [Fact]
    public async Task OneHundredAndTwentyConcurrentRequests_AllSucceed()
    {
        var uws = new UwsClient(_app.Client);
        var requests = Enumerable.Range(0, 120).Select(async i =>
        {
            using var response = i % 2 == 0
                ? await uws.PostAsync("/uws/echo", ("text", $"burst {i}"))
                : await _app.Client.GetAsync("/uws/echo");
            return (i, response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();

        var answers = await Task.WhenAll(requests);

        var failed = answers.Where(a => a.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.SeeOther)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of 120 failed, e.g. {(int)failed.FirstOrDefault().StatusCode}: {failed.FirstOrDefault().Item3}");
        Assert.Equal(60, System.Xml.Linq.XDocument.Parse(await _app.Client.GetStringAsync("/uws/echo")).Root!.Elements().Count());
    }

    private static MeridianApplication StartServer(string connectionString) => new(new Dictionary<string, string>
    {
        ["Meridian:Store:Provider"] = "postgres",
        ["Meridian:Store:ConnectionString"] = connectionString,
    }, null);

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _database.DisposeAsync();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("MERIDIAN_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP ROLE IF EXISTS {_role}", admin);
        await command.ExecuteNonQueryAsync();
    }
}
