// SPDX-License-Identifier: MIT
using System.Data.Common;
using Npgsql;

namespace Meridian.Storage.Postgres;

/// <summary>The connection settings the store adds to what it is given.</summary>
internal static class PostgresConnections
{
    /// <summary>Seconds to open a connection: a vanished server answers 503 soon rather than after Npgsql's 15 s.</summary>
    public const int ConnectTimeoutSeconds = 5;

    /// <summary>Seconds a statement may run: every statement here reads or writes a few rows.</summary>
    public const int CommandTimeoutSeconds = 15;

    public const string ApplicationName = "meridian";

    /// <summary>
    /// Connections per node: well below PostgreSQL's default max_connections (100, a few kept for superusers), so
    /// a burst of requests waits for a pooled connection rather than meeting "too many clients" (Npgsql's own
    /// default, 100, is the server's whole allowance). Twenty keep two cores busy and leave room for several
    /// nodes, which together must stay under the server's limit (or the role's CONNECTION LIMIT).
    /// </summary>
    public const int MaxPoolSize = 20;

    /// <summary>
    /// Statements prepared on the server once they recur: the same dozen statements run for every job, and
    /// parsing and planning them each time was most of PostgreSQL's CPU per job.
    /// </summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>The given settings, with timeouts, a pool size, no session reset and an application name where the connection string sets none.</summary>
    public static NpgsqlConnectionStringBuilder WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            settings.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            settings.CommandTimeout = CommandTimeoutSeconds;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("MaxPoolSize"))
        {
            settings.MaxPoolSize = MaxPoolSize;
        }

        // A pooled connection goes back to the pool as the store leaves it: the store keeps no session state (no SET, no
        // session lock, no LISTEN, no temporary table; the change feed has its own connection). Npgsql's reset otherwise
        // ran seven statements (RESET ALL, UNLISTEN *, DISCARD TEMP...) ahead of every statement the store sent, eleven
        // times a job.
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Application Name") && !given.ContainsKey("ApplicationName"))
        {
            settings.ApplicationName = ApplicationName;
        }

        return settings;
    }

    /// <summary>
    /// The change feed's own connection: never pooled (it stays open, listening), and with TCP keep-alive so
    /// the operating system notices a peer that vanished without closing the connection.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ForListening(NpgsqlConnectionStringBuilder settings) =>
        new(settings.ConnectionString) { Pooling = false, TcpKeepAlive = true };

    /// <summary>"host:port, database name", for messages; never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings)
    {
        var database = string.IsNullOrEmpty(settings.Database) ? settings.Username ?? "(default)" : settings.Database;
        return $"{settings.Host ?? "localhost"}:{settings.Port}, database {database}";
    }
}
