// SPDX-License-Identifier: MIT
using System.Net.Sockets;
using Meridian.Engine.Storage;
using Npgsql;

namespace Meridian.Storage.Postgres;

/// <summary>
/// Which failures mean "the database cannot be reached now" (worth a 503 and a retry) rather than a bug or
/// a constraint violation, which propagate unchanged.
/// </summary>
internal static class PostgresFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // 57P01-57P03: the server is shutting down or starting; class 08: the connection failed.
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || Chain(npgsql).Any(inner => inner is SocketException or TimeoutException),
        SocketException or TimeoutException => true,
        _ => false,
    };

    public static StoreUnavailableException Unavailable(string target, Exception exception) =>
        new($"cannot connect to PostgreSQL at {target}: {Reason(exception)}", exception);

    /// <summary>The most telling message in the chain, on one line: "Connection refused" rather than "Failed to connect".</summary>
    public static string Reason(Exception exception)
    {
        var telling = Chain(exception).LastOrDefault(e => e is PostgresException or SocketException or TimeoutException);
        var reason = telling switch
        {
            PostgresException postgres => postgres.MessageText,
            TimeoutException => "no answer in time (" + telling.Message.TrimEnd('.') + ")",
            { } other => other.Message,
            null => exception.Message,
        };
        return string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
