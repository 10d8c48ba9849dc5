// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>
/// Where jobs live. Every write that depends on a job's phase is a compare-and-set: it names the phase it
/// expects and returns false, changing nothing, when the stored phase differs (another request, another
/// node or the dispatcher got there first). The caller decides what to do next.
/// </summary>
/// <remarks>
/// Implementations: InMemoryJobStore (unit tests only), SqliteJobStore (the embedded default, one node) and
/// PostgresJobStore (several nodes; it also offers IJobChangeFeed). Each passes the JobStoreCompliance suite
/// in tests/Meridian.Compliance. A store that cannot be reached throws StoreUnavailableException.
/// </remarks>
public interface IJobStore
{
    /// <summary>Stores a new job. The id is fresh (128 random bits), so a clash is a bug, not a race.</summary>
    Task CreateAsync(Job job, CancellationToken cancellationToken);

    Task<Job?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The job list of one service, newest first, filtered as the UWS filters say.</summary>
    Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the job from <paramref name="expected"/> to <paramref name="change"/>.Next when it is still in
    /// <paramref name="expected"/>. Entering QUEUED sets the queued time, EXECUTING the start time, a final
    /// phase the end time; results, error and executor handle are written when given.
    /// </summary>
    Task<bool> TrySetPhaseAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TrySetPhaseAsync"/>, answering with the job as the write left it, or null when the job was not in
    /// <paramref name="expected"/> (or is gone): one round trip where a claim and the read of the job claimed were two.
    /// </summary>
    Task<Job?> TrySetPhaseAndReadAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken);

    /// <summary>Replaces the parameters while the job is PENDING; false otherwise.</summary>
    Task<bool> TryUpdateParametersAsync(string id, IReadOnlyList<JobParameter> parameters, CancellationToken cancellationToken);

    /// <summary>Sets the execution duration while the job is PENDING; false otherwise.</summary>
    Task<bool> TrySetExecutionDurationAsync(string id, int seconds, CancellationToken cancellationToken);

    /// <summary>Sets the destruction instant while the job exists.</summary>
    Task<bool> TrySetDestructionAsync(string id, DateTimeOffset destruction, CancellationToken cancellationToken);

    /// <summary>Records the executor's handle of a job that is QUEUED (handed to a batch scheduler) or EXECUTING; false otherwise.</summary>
    Task<bool> TrySetExecutorHandleAsync(string id, string handle, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a QUEUED or EXECUTING job from node <paramref name="expectedNode"/> to <paramref name="nodeId"/>
    /// (null: none) when it is still with <paramref name="expectedNode"/>. A node claims a job for a batch
    /// scheduler this way (null → itself; the job stays QUEUED until the scheduler runs it), gives it back
    /// (itself → null), or adopts the batch jobs of a dead node (dead → itself).
    /// </summary>
    Task<bool> TrySetNodeAsync(string id, string? expectedNode, string? nodeId, CancellationToken cancellationToken);

    /// <summary>Records when a batch scheduler expects to start a job that is still QUEUED; false otherwise.</summary>
    Task<bool> TrySetExpectedStartAsync(string id, DateTimeOffset expectedStart, CancellationToken cancellationToken);

    /// <summary>Forgets the job; false when it was already gone.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids of jobs whose destruction instant is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>QUEUED jobs no node has claimed yet, in the order they were queued: first in, first out.</summary>
    Task<IReadOnlyList<QueuedJob>> ListQueuedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Every job in the given phase (used after a restart to settle EXECUTING jobs).</summary>
    Task<IReadOnlyList<Job>> ListInPhaseAsync(ExecutionPhase phase, CancellationToken cancellationToken);

    /// <summary>Records results of a job that was ABORTED while it executed (the abort came first, its files after).</summary>
    Task<bool> TryRecordResultsAsync(string id, IReadOnlyList<JobResult> results, CancellationToken cancellationToken);

    /// <summary>Says that <paramref name="nodeId"/> is alive at <paramref name="now"/>.</summary>
    Task HeartbeatAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// EXECUTING jobs, and QUEUED jobs claimed by a node, whose node has not sent a heartbeat since
    /// <paramref name="heartbeatBefore"/> (or never did): nobody is looking after them any more.
    /// </summary>
    Task<IReadOnlyList<Job>> ListOrphansAsync(DateTimeOffset heartbeatBefore, CancellationToken cancellationToken);

    /// <summary>
    /// What one owner holds, all services together (null: the anonymous callers, counted as one owner): its
    /// active jobs, its stored jobs and the bytes of their uploads and results. Quotas are checked against it.
    /// </summary>
    Task<OwnerUsage> UsageAsync(string? ownerId, CancellationToken cancellationToken);

    /// <summary>How many jobs each service holds in each phase (ARCHIVED too), counted where the jobs are; pairs with no job are left out.</summary>
    Task<IReadOnlyList<PhaseCount>> CountByPhaseAsync(CancellationToken cancellationToken);
}
