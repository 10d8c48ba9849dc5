// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>A store in a dictionary, for unit tests only: nothing survives the process.</summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly Dictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heartbeats = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task CreateAsync(Job job, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_jobs.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"Job {job.Id} already exists.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<Job?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<JobListEntry>> ListAsync(JobListFilter filter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IEnumerable<Job> query = _jobs.Values.Where(job => job.Service == filter.Service);
            if (!filter.AnyOwner)
            {
                query = query.Where(job => job.OwnerId == filter.OwnerId);
            }

            query = filter.Phases is { Count: > 0 } phases
                ? query.Where(job => phases.Contains(job.Phase))
                : query.Where(job => job.Phase != ExecutionPhase.ARCHIVED);
            if (filter.SweepId is { } sweep)
            {
                query = query.Where(job => job.SweepId == sweep);
            }

            if (filter.After is { } after)
            {
                query = query.Where(job => job.CreationTime > after);
            }

            if (filter.Before is { } cursor)
            {
                query = query.Where(job => job.CreationTime < cursor.CreationTime
                    || (job.CreationTime == cursor.CreationTime && string.CompareOrdinal(job.Id, cursor.Id) < 0));
            }

            query = query.OrderByDescending(job => job.CreationTime).ThenByDescending(job => job.Id, StringComparer.Ordinal);
            if (filter.Last is { } last)
            {
                query = query.Take(last);
            }

            IReadOnlyList<JobListEntry> list = query
                .Select(job => new JobListEntry(job.Id, job.Service, job.Phase, job.RunId, job.OwnerId, job.CreationTime))
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> TrySetPhaseAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase == expected, job => StoreSemantics.Apply(job, change));

    public Task<Job?> TrySetPhaseAndReadAsync(string id, ExecutionPhase expected, PhaseChange change, CancellationToken cancellationToken) =>
        Task.FromResult(UpdateAndRead(id, job => job.Phase == expected, job => StoreSemantics.Apply(job, change)));

    public Task<bool> TryUpdateParametersAsync(string id, IReadOnlyList<JobParameter> parameters, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase == ExecutionPhase.PENDING, job => job with { Parameters = parameters });

    public Task<bool> TrySetExecutionDurationAsync(string id, int seconds, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase == ExecutionPhase.PENDING, job => job with { ExecutionDuration = seconds });

    public Task<bool> TrySetDestructionAsync(string id, DateTimeOffset destruction, CancellationToken cancellationToken) =>
        Update(id, _ => true, job => job with { Destruction = destruction });

    public Task<bool> TrySetExecutorHandleAsync(string id, string handle, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase is ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING, job => job with { ExecutorHandle = handle });

    public Task<bool> TrySetExpectedStartAsync(string id, DateTimeOffset expectedStart, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase == ExecutionPhase.QUEUED, job => job with { ExpectedStart = expectedStart });

    public Task<bool> TrySetNodeAsync(string id, string? expectedNode, string? nodeId, CancellationToken cancellationToken) =>
        Update(
            id, job => job.Phase is ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING && job.NodeId == expectedNode,
            job => job with { NodeId = nodeId });

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.Remove(id));
        }
    }

    public Task<IReadOnlyList<string>> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _jobs.Values
                .Where(job => job.Destruction <= now)
                .OrderBy(job => job.Destruction)
                .Take(limit)
                .Select(job => job.Id)
                .ToList();
            return Task.FromResult(ids);
        }
    }

    public Task<IReadOnlyList<QueuedJob>> ListQueuedAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<QueuedJob> queued = _jobs.Values
                .Where(job => job.Phase == ExecutionPhase.QUEUED && job.NodeId is null)
                .OrderBy(job => job.QueuedTime).ThenBy(job => job.Id, StringComparer.Ordinal)
                .Take(limit)
                .Select(job => new QueuedJob(job.Id, job.Service))
                .ToList();
            return Task.FromResult(queued);
        }
    }

    public Task<IReadOnlyList<Job>> ListInPhaseAsync(ExecutionPhase phase, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Job> jobs = _jobs.Values.Where(job => job.Phase == phase).ToList();
            return Task.FromResult(jobs);
        }
    }

    public Task<bool> TryRecordResultsAsync(string id, IReadOnlyList<JobResult> results, CancellationToken cancellationToken) =>
        Update(id, job => job.Phase == ExecutionPhase.ABORTED, job => job with { Results = results });

    public Task HeartbeatAsync(string nodeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _heartbeats[nodeId] = now;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Job>> ListOrphansAsync(DateTimeOffset heartbeatBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Job> orphans = _jobs.Values
                .Where(job => (job.Phase == ExecutionPhase.EXECUTING || (job.Phase == ExecutionPhase.QUEUED && job.NodeId is not null))
                    && !(job.NodeId is { } node && _heartbeats.TryGetValue(node, out var seen) && seen >= heartbeatBefore))
                .ToList();
            return Task.FromResult(orphans);
        }
    }

    public Task<OwnerUsage> UsageAsync(string? ownerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var owned = _jobs.Values.Where(job => job.OwnerId == ownerId).ToList();
            return Task.FromResult(new OwnerUsage(
                owned.Count(job => OwnerUsage.CountsAsActive(job.Phase)),
                owned.Count,
                owned.Sum(job => OwnerUsage.UploadBytes(job.Parameters) + OwnerUsage.ResultBytes(job.Results))));
        }
    }

    public Task<IReadOnlyList<PhaseCount>> CountByPhaseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<PhaseCount> counts = [.. _jobs.Values.CountBy(job => (job.Service, job.Phase))
                .Select(pair => new PhaseCount(pair.Key.Service, pair.Key.Phase, pair.Value))];
            return Task.FromResult(counts);
        }
    }

    private Task<bool> Update(string id, Func<Job, bool> precondition, Func<Job, Job> change) =>
        Task.FromResult(UpdateAndRead(id, precondition, change) is not null);

    /// <summary>The job as the change left it, or null when it is gone or the precondition does not hold.</summary>
    private Job? UpdateAndRead(string id, Func<Job, bool> precondition, Func<Job, Job> change)
    {
        lock (_gate)
        {
            if (!_jobs.TryGetValue(id, out var job) || !precondition(job))
            {
                return null;
            }

            var changed = change(job);
            _jobs[id] = changed;
            return changed;
        }
    }
}
