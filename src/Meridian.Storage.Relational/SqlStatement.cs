// SPDX-License-Identifier: MIT
namespace Meridian.Storage.Relational;

/// <summary>One SQL statement with its named arguments (written @name), in the SQL both dialects understand.</summary>
public sealed class SqlStatement(string sql)
{
    private readonly List<SqlArgument> _arguments = [];

    public string Sql { get; } = sql;

    public IReadOnlyList<SqlArgument> Arguments => _arguments;

    public SqlStatement With(string name, ColumnKind kind, object? value)
    {
        _arguments.Add(new SqlArgument(name, kind, value));
        return this;
    }

    public override string ToString() => Sql;
}

/// <summary>A named argument of a statement; a null value is SQL NULL.</summary>
public sealed record SqlArgument(string Name, ColumnKind Kind, object? Value);
