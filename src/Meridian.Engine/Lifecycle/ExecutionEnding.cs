// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;

namespace Meridian.Engine.Lifecycle;

/// <summary>Why the dispatcher stopped an execution before it ended by itself.</summary>
public enum StopReason
{
    Abort,
    Timeout,
    Shutdown,
    /// <summary>The job left EXECUTING in the store through another request or node (aborted, destroyed).</summary>
    Superseded,
}

/// <summary>How an execution ended: the executor's status, why it was stopped (if it was), or why it never started.</summary>
public sealed record ExecutionEnding(ExecutionStatus Status, StopReason? Stop, string? StartError);
