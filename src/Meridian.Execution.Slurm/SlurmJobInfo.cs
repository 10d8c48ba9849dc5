// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm;

/// <summary>What SLURM says about one job: its state name (RUNNING, FAILED…), how it exited once it has, and why it waits.</summary>
public sealed record SlurmJobInfo(string JobId, string State, int? ExitCode = null, int? Signal = null, string? Reason = null)
{
    /// <summary>When the job started, or for a pending job when the scheduler expects to start it; null when unknown.</summary>
    public DateTimeOffset? StartTime { get; init; }
}
