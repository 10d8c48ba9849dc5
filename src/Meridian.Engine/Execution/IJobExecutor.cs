// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// Runs a rendered command somewhere (a local process tree, a batch job) and reports on it through an
/// opaque handle. An executor never touches the job store and knows no UWS phases: the dispatcher
/// decides what an execution's end means for the job.
/// </summary>
/// <remarks>Implementations pass the JobExecutorCompliance suite in tests/Meridian.Compliance.</remarks>
public interface IJobExecutor
{
    /// <summary>The name service definitions use to choose this executor (executor: local).</summary>
    string Name { get; }

    /// <summary>
    /// Starts the execution and returns its handle, a string the store keeps to find it again after a restart (unless
    /// <see cref="HandleIsJobId"/>).
    /// </summary>
    Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// True when the handle is always the job's id (<see cref="ExecutionRequest.JobId"/>): the executor finds an execution
    /// again from the id alone, so the store need not be told the handle, a write saved for every job.
    /// </summary>
    bool HandleIsJobId => false;

    /// <summary>Completes when the execution has ended (all output written), with how it ended.</summary>
    Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken);

    /// <summary>The current state, without waiting; Lost when the executor no longer knows the handle.</summary>
    Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Why this machine cannot run this executor's jobs (a batch system's commands missing), or null when it can.</summary>
    string? CheckInstalled() => null;

    /// <summary>Stops the execution and everything it started. Stopping an ended or unknown execution does nothing.</summary>
    Task CancelAsync(string handle, CancellationToken cancellationToken);
}
