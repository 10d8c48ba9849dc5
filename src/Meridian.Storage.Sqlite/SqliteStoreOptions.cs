// SPDX-License-Identifier: MIT
namespace Meridian.Storage.Sqlite;

/// <summary>The embedded store, bound from "Meridian:Store".</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; empty means meridian.db in the data directory.</summary>
    public string Path { get; set; } = "";
}
