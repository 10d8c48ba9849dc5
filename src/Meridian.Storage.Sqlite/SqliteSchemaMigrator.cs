// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// Applies the embedded Schema/NNNN_*.sql files that the database has not seen yet, in order, each in
/// its own transaction with its version number. Tests build their databases from the same files.
/// </summary>
internal static class SqliteSchemaMigrator
{
    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied TEXT NOT NULL)");
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var current = Convert.ToInt32(query.ExecuteScalar(), CultureInfo.InvariantCulture);

        var assembly = typeof(SqliteSchemaMigrator).Assembly;
        foreach (var (version, resource) in Scripts(assembly).Where(script => script.Version > current))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            using var transaction = connection.BeginTransaction();
            Execute(connection, reader.ReadToEnd(), transaction);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, applied) VALUES ($version, datetime('now'))";
            record.Parameters.AddWithValue("$version", version);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static IEnumerable<(int Version, string Resource)> Scripts(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.Split('.')[^2].Split('_')[0], CultureInfo.InvariantCulture), Resource: name))
            .OrderBy(script => script.Version);

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
