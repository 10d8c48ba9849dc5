// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Storage;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>The store contract against a real PostgreSQL, in a fresh schema per test.</summary>
public sealed class PostgresJobStoreTests : JobStoreCompliance
{
    private readonly TestDatabase _database = new();

    protected override IJobStore CreateStore()
    {
        var store = new PostgresJobStore(_database.ConnectionString);
        // CreateStore is synchronous; the test runner has no synchronization context to deadlock on.
        store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        return store;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
