// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Jobs;

/// <summary>
/// The UWS job-list filters, combined with AND (U62): PHASE (a union when repeated), AFTER (creation time,
/// strictly after) and LAST (the newest N). Results always come newest first. ARCHIVED jobs are
/// listed only when asked for by phase (U59).
/// </summary>
public sealed record JobListFilter(string Service)
{
    /// <summary>Only this owner's jobs; null lists every owner's (the anonymous and admin view).</summary>
    public string? OwnerId { get; init; }
    public bool AnyOwner { get; init; } = true;
    public IReadOnlySet<ExecutionPhase>? Phases { get; init; }
    public DateTimeOffset? After { get; init; }
    public int? Last { get; init; }
    /// <summary>
    /// Keyset pagination for long lists (the browser's pages): only jobs after this one in the list's order
    /// (older, or as old with a smaller id). With Last, a page costs the same whatever its depth.
    /// </summary>
    public JobListCursor? Before { get; init; }
    /// <summary>Only the jobs of this sweep.</summary>
    public string? SweepId { get; init; }
}

/// <summary>A position in a job list: the creation time and id of the last job of the previous page.</summary>
public sealed record JobListCursor(DateTimeOffset CreationTime, string Id);

/// <summary>A row of the job list: what a uws:jobref carries.</summary>
public sealed record JobListEntry(
    string Id, string Service, ExecutionPhase Phase, string? RunId, string? OwnerId, DateTimeOffset CreationTime);

/// <summary>A queued job as the dispatcher sees it when choosing what to start next.</summary>
public sealed record QueuedJob(string Id, string Service);
