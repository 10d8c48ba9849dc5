// SPDX-License-Identifier: MIT
using Meridian.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Meridian.Storage.Sqlite;

/// <summary>
/// An open connection that keeps its commands, one per SQL text: SQLite then parses and plans each statement
/// once per connection instead of once per call (a command keeps its prepared statements while its text
/// stays the same). The store's statements are a few dozen texts; a list's filters combine into a few more,
/// so the cache is bounded and starts over when full.
/// </summary>
internal sealed class PreparedConnection : IDisposable
{
    private const int MaxCommands = 64;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public PreparedConnection(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
    }

    public SqliteConnection Connection { get; }

    /// <summary>The command of this statement's text, its arguments bound afresh.</summary>
    public SqliteCommand For(SqlStatement statement)
    {
        if (!_commands.TryGetValue(statement.Sql, out var command))
        {
            if (_commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }

            command = Connection.CreateCommand();
            _commands[statement.Sql] = command;
        }

        command.Parameters.Clear();
        SqliteDialect.Instance.Prepare(command, statement);
        return command;
    }

    public void Dispose()
    {
        DisposeCommands();
        Connection.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
