// SPDX-License-Identifier: MIT
using System.Data.Common;

namespace Meridian.Storage.Relational;

/// <summary>
/// What differs between the relational databases in the statements themselves: how an argument of each kind
/// is bound and how an instant is read back. Connections, locking and change feeds stay with each store.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Adds the statement's text and arguments to a command.</summary>
    public void Prepare(DbCommand command, SqlStatement statement)
    {
        command.CommandText = statement.Sql;
        foreach (var argument in statement.Arguments)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = ParameterName(argument.Name);
            Bind(parameter, argument.Kind, argument.Value);
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>The name a parameter is given for the statement's @name.</summary>
    protected virtual string ParameterName(string name) => name;

    /// <summary>Sets the parameter's type and value (DBNull for a null value).</summary>
    protected abstract void Bind(DbParameter parameter, ColumnKind kind, object? value);

    public abstract DateTimeOffset? ReadInstant(DbDataReader reader, int ordinal);

    public static string? ReadText(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>An integer aggregate: SQLite answers a long, PostgreSQL a bigint or, for SUM(bigint), a numeric.</summary>
    public static long ReadCount(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
