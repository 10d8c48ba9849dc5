// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Jobs;

/// <summary>
/// What a compare-and-set phase write stores besides the phase: the instant it happened (which becomes the
/// queued, start or end time according to the new phase) and, on an outcome, the results and error.
/// </summary>
public sealed record PhaseChange(ExecutionPhase Next, DateTimeOffset At)
{
    public IReadOnlyList<JobResult>? Results { get; init; }
    public ErrorSummary? Error { get; init; }
    public string? ExecutorHandle { get; init; }
    /// <summary>The node taking the job, written when it enters EXECUTING.</summary>
    public string? NodeId { get; init; }
}
