// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>
/// A jobs row as the relational stores select it (the column order of their Columns list), turned into a Job.
/// Only how an instant is stored differs between databases, so the store passes that in.
/// </summary>
public static class JobRows
{
    public static Job Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset?> instant) => new()
    {
        Id = reader.GetString(0),
        Service = reader.GetString(1),
        OwnerId = Text(reader, 2),
        RunId = Text(reader, 3),
        Phase = ExecutionPhases.Parse(reader.GetString(4)),
        CreationTime = instant(reader, 5) ?? throw new InvalidDataException("a stored job has no creation time"),
        QueuedTime = instant(reader, 6),
        StartTime = instant(reader, 7),
        EndTime = instant(reader, 8),
        ExecutionDuration = reader.GetInt32(9),
        Destruction = instant(reader, 10),
        Parameters = StoredJson.ReadParameters(reader.GetString(11)),
        Results = StoredJson.ReadResults(reader.GetString(12)),
        // SQLite keeps the flag as an integer, PostgreSQL as a boolean.
        Error = reader.IsDBNull(13) ? null : new ErrorSummary(
            ErrorTypeOf(reader.GetString(13)), reader.GetString(14), Convert.ToBoolean(reader.GetValue(15), System.Globalization.CultureInfo.InvariantCulture)),
        ExecutorHandle = Text(reader, 16),
        NodeId = Text(reader, 17),
        ExpectedStart = instant(reader, 18),
    };

    /// <summary>The stored spelling of an error type, as the UWS schema spells it.</summary>
    public static string StoredName(ErrorType type) => type == ErrorType.Fatal ? "fatal" : "transient";

    private static ErrorType ErrorTypeOf(string stored) => stored == "fatal" ? ErrorType.Fatal : ErrorType.Transient;

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
