// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Jobs;

/// <summary>An immutable snapshot of a stored job. It changes only through the store's compare-and-set writes.</summary>
public sealed record Job
{
    public required string Id { get; init; }
    public required string Service { get; init; }
    /// <summary>The authenticated identity that created the job; null when anonymous.</summary>
    public string? OwnerId { get; init; }
    public string? RunId { get; init; }
    public required ExecutionPhase Phase { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    /// <summary>When the job last entered QUEUED: the dispatcher serves jobs first in, first out by this instant.</summary>
    public DateTimeOffset? QueuedTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Wall-clock seconds the job may execute; 0 means unlimited.</summary>
    public required int ExecutionDuration { get; init; }
    public DateTimeOffset? Destruction { get; init; }
    public IReadOnlyList<JobParameter> Parameters { get; init; } = [];
    public IReadOnlyList<JobResult> Results { get; init; } = [];
    public ErrorSummary? Error { get; init; }
    /// <summary>The executor's opaque handle of the running execution, kept so a restarted server can find it again.</summary>
    public string? ExecutorHandle { get; init; }
    /// <summary>The server node that claimed the job for execution; its heartbeat says whether the job is still looked after.</summary>
    public string? NodeId { get; init; }
    /// <summary>When a batch scheduler expects to start the QUEUED job, when it says; the job's quote follows from it.</summary>
    public DateTimeOffset? ExpectedStart { get; init; }
    /// <summary>The sweep (a set of jobs created in one submission, one per value of the swept parameters) the job belongs to.</summary>
    public string? SweepId { get; init; }
}
