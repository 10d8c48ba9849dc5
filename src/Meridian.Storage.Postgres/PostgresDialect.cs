// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Storage.Relational;
using Npgsql;
using NpgsqlTypes;

namespace Meridian.Storage.Postgres;

/// <summary>
/// PostgreSQL's types for the arguments. Each is typed explicitly, so a NULL argument in COALESCE(@x, column)
/// has a type, and the server can keep one prepared plan per statement (Max Auto Prepare).
/// </summary>
public sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    protected override void Bind(DbParameter parameter, ColumnKind kind, object? value)
    {
        var npgsql = (NpgsqlParameter)parameter;
        npgsql.NpgsqlDbType = kind switch
        {
            ColumnKind.Integer => NpgsqlDbType.Integer,
            ColumnKind.BigInteger => NpgsqlDbType.Bigint,
            ColumnKind.Boolean => NpgsqlDbType.Boolean,
            ColumnKind.Instant => NpgsqlDbType.TimestampTz,
            ColumnKind.Json => NpgsqlDbType.Json,
            _ => NpgsqlDbType.Text,
        };
        // Npgsql writes only UTC DateTimeOffsets to timestamptz; the instant is what is kept, not the offset.
        npgsql.Value = value switch
        {
            null => DBNull.Value,
            DateTimeOffset instant => instant.ToUniversalTime(),
            _ => value,
        };
    }

    public override DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
