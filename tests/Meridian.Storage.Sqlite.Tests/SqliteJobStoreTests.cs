// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Storage;

namespace Meridian.Storage.Sqlite.Tests;

/// <summary>The store contract against a real SQLite file, a fresh one per test.</summary>
public sealed class SqliteJobStoreTests : JobStoreCompliance
{
    private readonly TempDirectory _temp = new();

    protected override IJobStore CreateStore() => new SqliteJobStore(_temp.Combine("meridian.db"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
