// SPDX-License-Identifier: MIT
using Meridian.Engine.Diagnostics;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Logging;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// The one way a job changes phase. It checks the pair against PhaseTransitions (an illegal pair is a bug in
/// the caller, so it throws rather than writes), does the store's compare-and-set, and, when the write took,
/// logs it, wakes the requests waiting on the job and records how long an execution lasted.
/// </summary>
public sealed class PhaseWriter(IJobStore store, PhaseWaiter waiter, ILogger logger, JobMetrics? metrics = null)
{
    /// <summary>
    /// Moves the job from <paramref name="from"/> to <paramref name="change"/>.Next when it is still in
    /// <paramref name="from"/>; false, changing nothing, when another writer got there first.
    /// </summary>
    /// <param name="startTime">When the job started executing, if it did: an execution that ends is measured from it.</param>
    public async Task<bool> TryMoveAsync(
        string jobId, string service, ExecutionPhase from, PhaseChange change, CancellationToken cancellationToken, DateTimeOffset? startTime = null)
    {
        CheckAllowed(jobId, from, change);
        if (!await store.TrySetPhaseAsync(jobId, from, change, cancellationToken))
        {
            return false;
        }

        Announce(jobId, service, from, change, startTime);
        return true;
    }

    /// <summary>
    /// <see cref="TryMoveAsync(string, string, ExecutionPhase, PhaseChange, CancellationToken, DateTimeOffset?)"/>, answering
    /// with the job as the move left it (null when another writer got there first): a claim that needs the job it took.
    /// </summary>
    public async Task<Job?> TryMoveAndReadAsync(string jobId, string service, ExecutionPhase from, PhaseChange change, CancellationToken cancellationToken)
    {
        CheckAllowed(jobId, from, change);
        var moved = await store.TrySetPhaseAndReadAsync(jobId, from, change, cancellationToken);
        if (moved is not null)
        {
            Announce(jobId, service, from, change, moved.StartTime);
        }

        return moved;
    }

    /// <summary>Moves <paramref name="job"/> on from the phase it was read in.</summary>
    public Task<bool> TryMoveAsync(Job job, PhaseChange change, CancellationToken cancellationToken) =>
        TryMoveAsync(job.Id, job.Service, job.Phase, change, cancellationToken, job.StartTime);

    private static void CheckAllowed(string jobId, ExecutionPhase from, PhaseChange change)
    {
        if (!PhaseTransitions.IsAllowed(from, change.Next))
        {
            throw new InvalidOperationException($"job {jobId}: {from.ToWire()} → {change.Next.ToWire()} is not a transition UWS allows");
        }
    }

    /// <summary>What follows a write that took: the log line, the waiters woken, an execution's duration measured.</summary>
    private void Announce(string jobId, string service, ExecutionPhase from, PhaseChange change, DateTimeOffset? startTime)
    {
        // The line an operator follows is the outcome; the moves before it cost a log line per job each at Debug only.
        if (PhaseTransitions.IsTerminal(change.Next))
        {
            Log.PhaseChanged(logger, jobId, service, from, change.Next);
        }
        else
        {
            Log.PhaseChangedOnTheWay(logger, jobId, service, from, change.Next);
        }

        waiter.Notify(jobId);
        if (from is ExecutionPhase.EXECUTING && PhaseTransitions.IsTerminal(change.Next))
        {
            metrics?.JobEnded(service, change.Next, startTime, change.At);
        }
    }
}
