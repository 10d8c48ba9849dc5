// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Jobs;

/// <summary>
/// The UWS 1.1 state diagram (U16), in one table: the only place that knows which phase may follow which.
/// Every phase write in Meridian asks it first.
/// </summary>
public static class PhaseTransitions
{
    private static readonly HashSet<(ExecutionPhase From, ExecutionPhase To)> Allowed =
    [
        // Client-initiated: run and abort.
        (ExecutionPhase.PENDING, ExecutionPhase.QUEUED),
        (ExecutionPhase.HELD, ExecutionPhase.QUEUED),
        (ExecutionPhase.HELD, ExecutionPhase.EXECUTING),
        (ExecutionPhase.PENDING, ExecutionPhase.ABORTED),
        (ExecutionPhase.QUEUED, ExecutionPhase.ABORTED),
        (ExecutionPhase.EXECUTING, ExecutionPhase.ABORTED),
        // Server-initiated.
        (ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING),
        (ExecutionPhase.EXECUTING, ExecutionPhase.COMPLETED),
        (ExecutionPhase.EXECUTING, ExecutionPhase.ERROR),
        (ExecutionPhase.EXECUTING, ExecutionPhase.SUSPENDED),
        (ExecutionPhase.EXECUTING, ExecutionPhase.HELD),
        (ExecutionPhase.SUSPENDED, ExecutionPhase.EXECUTING),
        (ExecutionPhase.PENDING, ExecutionPhase.ERROR),
        (ExecutionPhase.QUEUED, ExecutionPhase.ERROR),
        (ExecutionPhase.COMPLETED, ExecutionPhase.ARCHIVED),
        (ExecutionPhase.ERROR, ExecutionPhase.ARCHIVED),
        (ExecutionPhase.ABORTED, ExecutionPhase.ARCHIVED),
    ];

    public static bool IsAllowed(ExecutionPhase from, ExecutionPhase to) => Allowed.Contains((from, to));

    /// <summary>Whether a client's PHASE=RUN is taken in this phase (PENDING, HELD).</summary>
    public static bool CanRun(ExecutionPhase phase) => IsAllowed(phase, ExecutionPhase.QUEUED);

    /// <summary>Whether a client's PHASE=ABORT is taken in this phase (PENDING, QUEUED, EXECUTING).</summary>
    public static bool CanAbort(ExecutionPhase phase) => IsAllowed(phase, ExecutionPhase.ABORTED);

    /// <summary>
    /// PENDING, QUEUED, EXECUTING, HELD and SUSPENDED: the job may still move (by itself or when run), so a client
    /// keeps following it, and it counts against its owner's active jobs.
    /// </summary>
    public static bool IsUnfinished(ExecutionPhase phase) =>
        phase is ExecutionPhase.PENDING or ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING or ExecutionPhase.HELD or ExecutionPhase.SUSPENDED;

    /// <summary>COMPLETED, ERROR and ABORTED are final outcomes; ARCHIVED is what remains after destruction.</summary>
    public static bool IsTerminal(ExecutionPhase phase) =>
        phase is ExecutionPhase.COMPLETED or ExecutionPhase.ERROR or ExecutionPhase.ABORTED or ExecutionPhase.ARCHIVED;
}
