// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm;

/// <summary>
/// A SLURM command failed. SchedulerUnreachable tells a controller that does not answer (try again later)
/// from a refusal (a bad partition, a limit exceeded: trying again changes nothing).
/// </summary>
public sealed class SlurmCommandException : Exception
{
    public SlurmCommandException(string command, string message, string standardError, bool schedulerUnreachable, Exception? inner = null)
        : base(message, inner)
    {
        Command = command;
        StandardError = standardError;
        SchedulerUnreachable = schedulerUnreachable;
    }

    /// <summary>The command that failed (sbatch, squeue…).</summary>
    public string Command { get; }

    /// <summary>What the command wrote to its standard error, trimmed: SLURM's own reason.</summary>
    public string StandardError { get; }

    /// <summary>True when the controller could not be reached or did not answer in time.</summary>
    public bool SchedulerUnreachable { get; }
}
