// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm;

/// <summary>What is known of a job outside SLURM's own answers, in increasing order of what it says.</summary>
internal enum JobReport
{
    /// <summary>Something happened (a cancel, a failed program's end): ask SLURM at once.</summary>
    Expedite,

    /// <summary>The job's script reported that it started.</summary>
    Started,

    /// <summary>The job's script reported that its program exited with code 0.</summary>
    Succeeded,
}
