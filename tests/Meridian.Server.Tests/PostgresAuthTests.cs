// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests;

/// <summary>AuthTests (isolation of users, the administrator, refused credentials) on the PostgreSQL store.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PostgresAuthTests : AuthTests
{
    private readonly PostgresDatabase _database;

    public PostgresAuthTests()
        : this(PostgresDatabase.CreateAsync().GetAwaiter().GetResult())
    {
    }

    private PostgresAuthTests(PostgresDatabase database)
        : base(new Dictionary<string, string>
        {
            ["Meridian:Store:Provider"] = "postgres",
            ["Meridian:Store:ConnectionString"] = database.ConnectionString,
        })
    {
        _database = database;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
