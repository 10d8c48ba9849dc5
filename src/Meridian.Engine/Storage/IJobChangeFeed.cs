// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>
/// Changes made to jobs by any server node, as they happen. A store shared by several nodes provides it
/// (PostgreSQL LISTEN/NOTIFY) so that a WAIT on one node wakes when another node changes the job.
/// </summary>
public interface IJobChangeFeed
{
    /// <summary>
    /// Changes until cancelled. The feed reconnects by itself; after a gap it reports a change with a null
    /// id, meaning "anything may have changed".
    /// </summary>
    IAsyncEnumerable<JobChange> ReadChangesAsync(CancellationToken cancellationToken);
}

/// <summary>A job that changed: its new phase, or null when it was deleted. A null Id means "any job".</summary>
public sealed record JobChange(string? Id, ExecutionPhase? Phase);
