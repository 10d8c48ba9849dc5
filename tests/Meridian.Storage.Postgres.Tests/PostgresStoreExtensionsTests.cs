// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Storage.Postgres.Tests;

public sealed class PostgresStoreExtensionsTests
{
    private static ServiceProvider Build(string connectionString) =>
        new ServiceCollection()
            .Configure<PostgresStoreOptions>(options => options.ConnectionString = connectionString)
            .UsePostgresStore()
            .BuildServiceProvider();

    [Fact]
    public async Task UsePostgresStore_ServesOneMigratedStoreAsStoreAndChangeFeed_WhenTheDatabaseIsReachable()
    {
        using var database = new TestDatabase();
        await using var services = Build(database.ConnectionString);

        var store = services.GetRequiredService<IJobStore>();

        Assert.IsType<PostgresJobStore>(store);
        Assert.Same(store, services.GetRequiredService<IJobChangeFeed>());
        Assert.Equal(PostgresSchemaMigrator.EmbeddedVersions(), await database.QueryAsync("SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task UsePostgresStore_FailsNamingTheSetting_WhenTheConnectionStringIsEmpty(string connectionString)
    {
        await using var services = Build(connectionString);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IJobStore>());

        Assert.Contains("Meridian:Store:ConnectionString", exception.Message);
        Assert.Contains("Meridian__Store__ConnectionString", exception.Message);
    }

    [Fact]
    public async Task UsePostgresStore_FailsSayingWhy_WhenTheConnectionStringIsMalformed()
    {
        await using var services = Build("Hots=db.example.org;Database=meridian");

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IJobStore>());

        Assert.Contains("Meridian:Store:ConnectionString is not a valid PostgreSQL connection string", exception.Message.Replace(" (Meridian__Store__ConnectionString in the environment)", "", StringComparison.Ordinal));
        Assert.Contains("hots", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UsePostgresStore_ThrowsStoreUnavailableNamingTheServer_WhenNothingListens()
    {
        var port = ClosedPort.Next();
        await using var services = Build(ClosedPort.ConnectionString(port));

        var exception = Assert.Throws<StoreUnavailableException>(() => services.GetRequiredService<IJobStore>());

        Assert.StartsWith($"cannot connect to PostgreSQL at 127.0.0.1:{port}, database meridian: ", exception.Message);
    }
}
