// SPDX-License-Identifier: MIT
namespace Meridian.Storage.Postgres;

/// <summary>The PostgreSQL store, bound from "Meridian:Store" (Meridian__Store__X in the environment).</summary>
public sealed class PostgresStoreOptions
{
    public const string Section = "Meridian:Store";

    /// <summary>
    /// An Npgsql connection string, e.g. "Host=db.example.org;Port=5432;Database=meridian;Username=meridian;Password=…".
    /// Required. The store adds Timeout=5 (seconds to connect), Command Timeout=15 and Application Name=meridian
    /// unless the string sets them; "Search Path=name" keeps Meridian's tables in that schema, which must exist.
    /// </summary>
    public string ConnectionString { get; set; } = "";
}
