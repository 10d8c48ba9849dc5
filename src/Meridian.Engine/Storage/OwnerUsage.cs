// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>
/// What one owner holds: jobs PENDING, QUEUED, EXECUTING, HELD or SUSPENDED (active), every job not yet
/// destroyed (stored), and the bytes of those jobs' uploads and results as recorded in the store.
/// </summary>
public sealed record OwnerUsage(int ActiveJobs, int StoredJobs, long StoredBytes)
{
    public static bool CountsAsActive(ExecutionPhase phase) => PhaseTransitions.IsUnfinished(phase);

    public static long UploadBytes(IEnumerable<JobParameter> parameters) => parameters.Sum(p => p.Upload?.Size ?? 0);

    public static long ResultBytes(IEnumerable<JobResult> results) => results.Sum(r => r.Size);
}
