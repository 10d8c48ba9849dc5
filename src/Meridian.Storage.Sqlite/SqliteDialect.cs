// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Data.Common;
using Meridian.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// SQLite's spelling of the arguments: an instant is its UTC tick count (an integer that sorts and compares as
/// time does, with no text parsing), a flag is 0 or 1, JSON is text.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    // The statements' names, spelled as in their text.
    private static readonly ConcurrentDictionary<string, string> Prefixed = new(StringComparer.Ordinal);

    public static SqliteDialect Instance { get; } = new();

    /// <summary>
    /// "@name", as the statement spells it: Microsoft.Data.Sqlite looks a bare name up as given, then after each of
    /// @, $ and :, each look a scan of the statement's names; an INSERT of a job has some twenty of them.
    /// </summary>
    protected override string ParameterName(string name) => Prefixed.GetOrAdd(name, static bare => "@" + bare);

    protected override void Bind(DbParameter parameter, ColumnKind kind, object? value)
    {
        var sqlite = (SqliteParameter)parameter;
        (sqlite.SqliteType, sqlite.Value) = kind switch
        {
            ColumnKind.Instant => (SqliteType.Integer, value is DateTimeOffset instant ? instant.UtcTicks : DBNull.Value),
            ColumnKind.Boolean => (SqliteType.Integer, value is bool flag ? (flag ? 1 : 0) : DBNull.Value),
            ColumnKind.Integer or ColumnKind.BigInteger => (SqliteType.Integer, value ?? DBNull.Value),
            _ => (SqliteType.Text, value ?? DBNull.Value),
        };
    }

    public override DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);
}
