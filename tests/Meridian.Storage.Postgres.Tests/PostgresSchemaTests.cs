// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Meridian.Storage.Relational;

namespace Meridian.Storage.Postgres.Tests;

public sealed class PostgresSchemaTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Task<List<int>> AppliedVersionsAsync() =>
        _database.QueryAsync("SELECT version FROM schema_version ORDER BY version", reader => reader.GetInt32(0));

    [Fact]
    public async Task MigrateAsync_AppliesEachScriptOnce_WhenTwoStoresMigrateAFreshSchemaAtOnce()
    {
        await using var first = new PostgresJobStore(_database.ConnectionString);
        await using var second = new PostgresJobStore(_database.ConnectionString);

        await Task.WhenAll(Task.Run(() => first.MigrateAsync(CancellationToken.None)), Task.Run(() => second.MigrateAsync(CancellationToken.None)));

        Assert.NotEmpty(PostgresSchemaMigrator.EmbeddedVersions());
        Assert.Equal(PostgresSchemaMigrator.EmbeddedVersions(), await AppliedVersionsAsync());
        var job = NewJob("svc", DateTimeOffset.UnixEpoch);
        await first.CreateAsync(job, CancellationToken.None);
        Assert.Equal(job.Id, (await second.GetAsync(job.Id, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task MigrateAsync_KeepsJobsAndAppliesNothingAgain_WhenTheSchemaIsUpToDate()
    {
        var job = NewJob("svc", DateTimeOffset.UnixEpoch);
        await using (var store = await _database.CreateStoreAsync())
        {
            await store.CreateAsync(job, CancellationToken.None);
        }

        var before = await _database.QueryAsync("SELECT version, applied FROM schema_version ORDER BY version", r => (r.GetInt32(0), r.GetDateTime(1)));
        await using (var reopened = await _database.CreateStoreAsync())
        {
            Assert.Equal(ExecutionPhase.PENDING, (await reopened.GetAsync(job.Id, CancellationToken.None))?.Phase);
        }

        Assert.Equal(before, await _database.QueryAsync("SELECT version, applied FROM schema_version ORDER BY version", r => (r.GetInt32(0), r.GetDateTime(1))));
    }

    [Theory]
    [InlineData(null, "jobs_by_service")]
    [InlineData(ExecutionPhase.COMPLETED, "jobs_by_service_phase")]
    public async Task ListAsync_ReadsOnlyTheNewestRowsThroughAnIndex_WhenLastIsGivenOverTwentyThousandJobs(ExecutionPhase? phase, string index)
    {
        await using var store = await _database.CreateStoreAsync();
        // One statement on the server, not 20,000 round trips: two services, a third of the jobs COMPLETED.
        _database.Execute("""
            INSERT INTO jobs (id, service, phase, creation_time, execution_duration, parameters, results)
            SELECT 'job' || n, CASE WHEN n % 2 = 0 THEN 'svc' ELSE 'other' END, CASE WHEN n % 3 = 0 THEN 'COMPLETED' ELSE 'PENDING' END,
                   timestamptz '2030-01-01 00:00:00+00' + n * interval '1 second', 600, '[]', '[]'
            FROM generate_series(1, 20000) AS n;
            ANALYZE jobs;
            """);
        var filter = new JobListFilter("svc") { Last = 10, Phases = phase is { } one ? new HashSet<ExecutionPhase> { one } : null };
        var query = JobStatements.List(filter);

        using var plan = await ExplainAsync(query);
        var entries = await store.ListAsync(filter, CancellationToken.None);

        var scan = FindScan(plan.RootElement[0].GetProperty("Plan"));
        Assert.True(scan.ValueKind == JsonValueKind.Object, $"no node reads the jobs table in {plan.RootElement}");
        Assert.True(scan.GetProperty("Node Type").GetString() is "Index Scan", $"expected an index scan, the plan is {plan.RootElement}");
        Assert.Equal(index, scan.GetProperty("Index Name").GetString());
        Assert.True(scan.GetProperty("Actual Rows").GetDouble() <= 10, $"LAST=10 should read 10 rows, the plan is {plan.RootElement}");
        var step = phase is null ? 2 : 6;
        Assert.Equal(Enumerable.Range(0, 10).Select(i => "job" + (19998 + (phase is null ? 2 : 0) - (step * i))), entries.Select(e => e.Id));
    }

    private async Task<JsonDocument> ExplainAsync(SqlStatement query)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var explain = new SqlStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + query.Sql);
        foreach (var argument in query.Arguments)
        {
            explain.With(argument.Name, argument.Kind, argument.Value);
        }

        PostgresDialect.Instance.Prepare(command, explain);

        var json = (string)(await command.ExecuteScalarAsync())!;
        return JsonDocument.Parse(json);
    }

    /// <summary>The node that reads the jobs table, under Limit and the like.</summary>
    private static JsonElement FindScan(JsonElement node)
    {
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == "jobs")
        {
            return node;
        }

        if (node.TryGetProperty("Plans", out var plans))
        {
            foreach (var child in plans.EnumerateArray())
            {
                if (FindScan(child) is { ValueKind: JsonValueKind.Object } found)
                {
                    return found;
                }
            }
        }

        return default;
    }

    private static Job NewJob(string service, DateTimeOffset created) => new()
    {
        Id = JobId.New(), Service = service, Phase = ExecutionPhase.PENDING, CreationTime = created, ExecutionDuration = 60,
    };
}
