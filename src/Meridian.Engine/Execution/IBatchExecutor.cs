// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// An executor that hands jobs to a batch scheduler: its executions wait in the scheduler's queue before
/// they run, and they outlive this server. The dispatcher keeps such a job QUEUED until it starts, leaves
/// it running when the server stops, and follows it again (re-attaches) after a restart.
/// </summary>
public interface IBatchExecutor : IJobExecutor
{
    /// <summary>
    /// Completes when the execution runs (or has already ended), with its status then. Meanwhile each look
    /// at the still pending execution is reported to <paramref name="pending"/> (its expected start, if known).
    /// </summary>
    Task<ExecutionStatus> WaitForStartAsync(string handle, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken);

    /// <summary>
    /// The handle of the execution submitted for this job, when the scheduler has one: the server may have
    /// stopped after submitting and before recording the handle, and a job must never be submitted twice.
    /// </summary>
    Task<string?> FindAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// What the job's script reported through its authenticated callback: that it started, or that the program
    /// exited with a code. The executor may take it as is or look at the scheduler first.
    /// </summary>
    void Report(string handle, ExecutionCallbackEvent callbackEvent, int? exitCode);
}

/// <summary>The moments a batch job's script reports back to the server.</summary>
public enum ExecutionCallbackEvent
{
    Started,
    Ended,
}
