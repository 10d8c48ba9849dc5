// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Wakes requests blocked in WAIT the moment their job changes, instead of on a polling tick. Writers call
/// Notify after every successful write of a job; a waiter takes its ticket before it reads the job, so a
/// change between the read and the wait is never missed.
/// </summary>
/// <remarks>
/// Each notification also counts in one of a few counters shared by the jobs whose ids hash alike (its
/// generation): a request that noted the generation before it read the job, and finds it unchanged once it holds
/// its ticket, knows that nothing was written to the job in between, and need not read it a second time.
/// </remarks>
public sealed class PhaseWaiter
{
    private const int Stripes = 64;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private readonly long[] _generations = new long[Stripes];
    private volatile bool _stopped;

    /// <summary>
    /// The count of notifications of the jobs sharing this job's counter. Noted before a read of the job and compared
    /// after <see cref="NextChange"/>: equal means no write of the job was notified in between.
    /// </summary>
    public long Generation(string jobId) => Interlocked.Read(ref _generations[Stripe(jobId)]);

    /// <summary>A task that completes at the next change of the job, at once when the server is stopping.</summary>
    public Task NextChange(string jobId) => _stopped
        ? Task.CompletedTask
        : _waiters.GetOrAdd(jobId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// The server is stopping: every WAIT answers now with the job as it is, and none blocks any more, so
    /// that the requests in flight finish before the server stops listening.
    /// </summary>
    public void Stop()
    {
        _stopped = true;
        NotifyAll();
    }

    /// <summary>Wakes every waiter: after a gap in the change feed, anything may have changed.</summary>
    public void NotifyAll()
    {
        for (var stripe = 0; stripe < Stripes; stripe++)
        {
            Interlocked.Increment(ref _generations[stripe]);
        }

        foreach (var jobId in _waiters.Keys)
        {
            Notify(jobId);
        }
    }

    public void Notify(string jobId)
    {
        // Counted before the ticket is taken away: a waiter that takes a new ticket after this sees the count moved.
        Interlocked.Increment(ref _generations[Stripe(jobId)]);
        if (_waiters.TryRemove(jobId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    private static int Stripe(string jobId) => (int)((uint)StringComparer.Ordinal.GetHashCode(jobId) % Stripes);
}
