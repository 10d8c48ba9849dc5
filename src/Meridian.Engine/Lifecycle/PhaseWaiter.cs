// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Wakes requests blocked in WAIT the moment their job changes, instead of on a polling tick. Writers call
/// Notify after every successful write of a job; a waiter takes its ticket before it reads the job, so a
/// change between the read and the wait is never missed.
/// </summary>
public sealed class PhaseWaiter
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private volatile bool _stopped;

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
        foreach (var jobId in _waiters.Keys)
        {
            Notify(jobId);
        }
    }

    public void Notify(string jobId)
    {
        if (_waiters.TryRemove(jobId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
