// SPDX-License-Identifier: MIT
using System.Data.Common;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Storage.Relational;

/// <summary>A row of the jobs table, as every statement here selects it (<see cref="Columns"/>), turned into a Job.</summary>
public static class JobRows
{
    /// <summary>The columns of a whole job, in the order <see cref="Read"/> reads them.</summary>
    public const string Columns =
        "id, service, owner_id, run_id, phase, creation_time, queued_time, start_time, end_time, execution_duration, " +
        "destruction, parameters, results, error_type, error_message, error_has_detail, executor_handle, node_id, expected_start, sweep_id";

    public static Job Read(DbDataReader reader, SqlDialect dialect) => new()
    {
        Id = reader.GetString(0),
        Service = reader.GetString(1),
        OwnerId = SqlDialect.ReadText(reader, 2),
        RunId = SqlDialect.ReadText(reader, 3),
        Phase = ExecutionPhases.Parse(reader.GetString(4)),
        CreationTime = dialect.ReadInstant(reader, 5) ?? throw new InvalidDataException("a stored job has no creation time"),
        QueuedTime = dialect.ReadInstant(reader, 6),
        StartTime = dialect.ReadInstant(reader, 7),
        EndTime = dialect.ReadInstant(reader, 8),
        ExecutionDuration = reader.GetInt32(9),
        Destruction = dialect.ReadInstant(reader, 10),
        Parameters = StoredJson.ReadParameters(reader.GetString(11)),
        Results = StoredJson.ReadResults(reader.GetString(12)),
        // SQLite keeps the flag as an integer, PostgreSQL as a boolean.
        Error = reader.IsDBNull(13) ? null : new ErrorSummary(
            ErrorTypeOf(reader.GetString(13)), reader.GetString(14), Convert.ToBoolean(reader.GetValue(15), System.Globalization.CultureInfo.InvariantCulture)),
        ExecutorHandle = SqlDialect.ReadText(reader, 16),
        NodeId = SqlDialect.ReadText(reader, 17),
        ExpectedStart = dialect.ReadInstant(reader, 18),
        SweepId = SqlDialect.ReadText(reader, 19),
    };

    /// <summary>The stored spelling of an error type, as the UWS schema spells it.</summary>
    public static string StoredName(ErrorType type) => type == ErrorType.Fatal ? "fatal" : "transient";

    private static ErrorType ErrorTypeOf(string stored) => stored == "fatal" ? ErrorType.Fatal : ErrorType.Transient;
}
