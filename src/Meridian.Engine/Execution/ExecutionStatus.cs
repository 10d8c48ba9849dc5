// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>How far an execution has got, in the executor's terms (not UWS phases).</summary>
public enum ExecutionState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    TimedOut,
    /// <summary>The executor cannot tell: the handle is unknown to it (for example after a restart).</summary>
    Lost,
}

/// <summary>An execution's state, its exit code when it has one, and what the executor can say about it.</summary>
public sealed record ExecutionStatus(ExecutionState State, int? ExitCode = null, string? Message = null)
{
    /// <summary>For a pending execution, when its scheduler expects to start it, if it says.</summary>
    public DateTimeOffset? ExpectedStart { get; init; }

    /// <summary>Why the job's stdout or stderr could not be written (a full disk), when that happened; the program was stopped.</summary>
    public string? OutputFailure { get; init; }

    public bool HasEnded => State is not (ExecutionState.Pending or ExecutionState.Running);
}
