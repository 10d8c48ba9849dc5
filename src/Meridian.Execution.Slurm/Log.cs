// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Logging;

namespace Meridian.Execution.Slurm;

/// <summary>Every log line the SLURM executor writes, as templates (never interpolated strings).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Job {JobId} submitted to SLURM as job {SlurmJobId}")]
    public static partial void Submitted(ILogger logger, string jobId, string slurmJobId);

    [LoggerMessage(2, LogLevel.Warning, "SLURM refused job {JobId}: {Reason}")]
    public static partial void Refused(ILogger logger, string jobId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Could not read the state of {Count} SLURM jobs; trying again in {Delay}")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception, int count, TimeSpan delay);

    [LoggerMessage(4, LogLevel.Debug, "SLURM job {SlurmJobId} ended: {State} ({Message})")]
    public static partial void Ended(ILogger logger, string slurmJobId, string state, string? message);

    [LoggerMessage(5, LogLevel.Information, "Cancelled SLURM job {SlurmJobId}")]
    public static partial void Cancelled(ILogger logger, string slurmJobId);
}
