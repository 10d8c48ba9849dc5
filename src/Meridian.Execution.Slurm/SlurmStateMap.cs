// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;

namespace Meridian.Execution.Slurm;

/// <summary>
/// SLURM job states in the executor's terms. An ended job's message names the SLURM state and its exit
/// code, which is what a user reads in the job's error summary.
/// </summary>
public static class SlurmStateMap
{
    private static readonly Dictionary<string, ExecutionState> States = new(StringComparer.Ordinal)
    {
        ["PENDING"] = ExecutionState.Pending,
        ["CONFIGURING"] = ExecutionState.Pending,
        ["REQUEUED"] = ExecutionState.Pending,
        ["REQUEUE_HOLD"] = ExecutionState.Pending,
        ["REQUEUE_FED"] = ExecutionState.Pending,
        ["RESV_DEL_HOLD"] = ExecutionState.Pending,
        ["POWER_UP_NODE"] = ExecutionState.Pending,
        ["RUNNING"] = ExecutionState.Running,
        // Still ending: processes may be running and output may not be complete yet.
        ["COMPLETING"] = ExecutionState.Running,
        ["STAGE_OUT"] = ExecutionState.Running,
        ["SIGNALING"] = ExecutionState.Running,
        ["RESIZING"] = ExecutionState.Running,
        // Paused by an administrator or by gang scheduling; it resumes later.
        ["SUSPENDED"] = ExecutionState.Running,
        ["STOPPED"] = ExecutionState.Running,
        ["COMPLETED"] = ExecutionState.Succeeded,
        ["FAILED"] = ExecutionState.Failed,
        ["OUT_OF_MEMORY"] = ExecutionState.Failed,
        ["NODE_FAIL"] = ExecutionState.Failed,
        ["BOOT_FAIL"] = ExecutionState.Failed,
        ["DEADLINE"] = ExecutionState.Failed,
        ["PREEMPTED"] = ExecutionState.Failed,
        ["SPECIAL_EXIT"] = ExecutionState.Failed,
        ["LAUNCH_FAILED"] = ExecutionState.Failed,
        ["RECONFIG_FAIL"] = ExecutionState.Failed,
        ["CANCELLED"] = ExecutionState.Cancelled,
        // A federation sibling withdrawn because the job runs elsewhere.
        ["REVOKED"] = ExecutionState.Cancelled,
        ["TIMEOUT"] = ExecutionState.TimedOut,
    };

    /// <summary>The execution status for what SLURM says; a state this map does not know is Lost, saying so.</summary>
    public static ExecutionStatus ToStatus(SlurmJobInfo job)
    {
        // "CANCELLED by 0" (sacct) names the state first.
        var name = job.State.Split(' ', 2)[0].ToUpperInvariant();
        if (!States.TryGetValue(name, out var state))
        {
            return new ExecutionStatus(ExecutionState.Lost, Message: $"SLURM job {job.JobId} is in a state Meridian does not know: {job.State}");
        }

        var exit = ExitCode(job);
        return state switch
        {
            ExecutionState.Pending => new ExecutionStatus(state, Message: $"SLURM job {job.JobId} is {name}{Why(job.Reason)}") { ExpectedStart = job.StartTime },
            ExecutionState.Running => new ExecutionStatus(state, Message: $"SLURM job {job.JobId} is {name}"),
            ExecutionState.Succeeded => new ExecutionStatus(state, 0, $"SLURM job {job.JobId} ended COMPLETED with exit code 0"),
            ExecutionState.TimedOut => new ExecutionStatus(state, exit, $"SLURM job {job.JobId} ended TIMEOUT: it reached its time limit and was stopped"),
            ExecutionState.Cancelled => new ExecutionStatus(state, exit, $"SLURM job {job.JobId} ended {name}"),
            _ => new ExecutionStatus(state, exit, $"SLURM job {job.JobId} ended {name} {HowItExited(job)}"),
        };
    }

    /// <summary>The exit code as a local process reports it: a death by signal N is 128 + N.</summary>
    private static int? ExitCode(SlurmJobInfo job) => job.Signal is > 0 and var signal ? 128 + signal : job.ExitCode;

    private static string HowItExited(SlurmJobInfo job) => job switch
    {
        { Signal: > 0 } => $"(killed by signal {job.Signal})",
        { ExitCode: { } code } => $"with exit code {code}",
        _ => "(no exit code known)",
    };

    private static string Why(string? reason) => reason is null or "" or "None" ? "" : $" ({reason})";
}
