// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Meridian.Storage.Sqlite.Tests;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string DatabasePath => _temp.Combine("data", "meridian.db");

    /// <summary>The version numbers of the Schema/NNNN_*.sql scripts embedded in the store.</summary>
    private static List<long> EmbeddedVersions() =>
        typeof(SqliteJobStore).Assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => long.Parse(name.Split('.')[^2].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    private List<(long Version, string Applied)> AppliedVersions()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, applied FROM schema_version ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<(long, string)>();
        while (reader.Read())
        {
            versions.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return versions;
    }

    [Fact]
    public void Constructor_RecordsEveryScriptItApplied_WhenTheDatabaseIsNew()
    {
        using (new SqliteJobStore(DatabasePath))
        {
        }

        var applied = AppliedVersions();
        Assert.NotEmpty(EmbeddedVersions());
        Assert.Equal(EmbeddedVersions(), applied.Select(a => a.Version));
        Assert.All(applied, a => Assert.False(string.IsNullOrWhiteSpace(a.Applied), "each version records when it was applied"));
    }

    [Fact]
    public async Task Constructor_KeepsJobsAndAppliesNoScriptAgain_WhenTheFileAlreadyExists()
    {
        var job = new Job
        {
            Id = JobId.New(), Service = "svc", Phase = ExecutionPhase.COMPLETED, CreationTime = DateTimeOffset.UnixEpoch, ExecutionDuration = 60,
            Parameters = [JobParameter.Scalar("x", "1")],
        };
        using (var store = new SqliteJobStore(DatabasePath))
        {
            await store.CreateAsync(job, CancellationToken.None);
        }

        var appliedBefore = AppliedVersions();

        using (var reopened = new SqliteJobStore(DatabasePath))
        {
            var stored = await reopened.GetAsync(job.Id, CancellationToken.None);
            Assert.Equal(ExecutionPhase.COMPLETED, stored?.Phase);
            Assert.Equal("1", stored?.Parameters.Single().Values.Single());
        }

        Assert.Equal(appliedBefore, AppliedVersions());
    }

    [Fact]
    public void Constructor_PutsTheDatabaseInWalMode_WhenItOpensIt()
    {
        using (new SqliteJobStore(DatabasePath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }
}
