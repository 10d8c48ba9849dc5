// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

public sealed partial class JobDispatcher
{
    /// <summary>
    /// Starts queued jobs while there is room, oldest first, skipping services at their own limit. Local
    /// jobs and batch jobs have separate rooms: a job waiting in a scheduler's queue uses none of this server's processors.
    /// </summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        while (HasRoom(batch: false) || HasRoom(batch: true))
        {
            var queued = await _store.ListQueuedAsync(Math.Max(256, _options.MaxConcurrentJobs * 4), cancellationToken);
            var started = 0;
            foreach (var candidate in queued)
            {
                if (await TryClaimAsync(candidate, cancellationToken))
                {
                    started++;
                }
            }

            if (started == 0)
            {
                return;
            }
        }
    }

    private bool HasRoom(bool batch) =>
        _running.Values.Count(r => r.Batch == batch) < (batch ? _options.MaxBatchJobs : _options.MaxConcurrentJobs);

    private async Task<bool> TryClaimAsync(QueuedJob candidate, CancellationToken cancellationToken)
    {
        var service = _catalog.Find(candidate.Service);
        IJobExecutor? executor = null;
        if (service is null || !_executors.TryGetValue(service.Executor, out executor))
        {
            var error = new ErrorSummary(ErrorType.Fatal, $"The service '{candidate.Service}' is no longer offered by this server.", false);
            await _phases.TryMoveAsync(candidate.Id, candidate.Service, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow()) { Error = error }, cancellationToken);
            return false;
        }

        var batch = executor is IBatchExecutor;
        if (!HasRoom(batch) || (service.Limits.Concurrent is { } limit && _running.Values.Count(r => r.Service == service.Name) >= limit))
        {
            return false;
        }

        if (batch)
        {
            return await TryClaimForBatchAsync(candidate.Id, service, cancellationToken);
        }

        // Registered before the claim, so an abort arriving between the claim and the start finds it.
        var running = new RunningJob(service.Name, batch: false);
        if (!_running.TryAdd(candidate.Id, running))
        {
            return false;
        }

        if (!await ClaimOrForgetAsync(candidate.Id, running,
            () => _phases.TryMoveAsync(candidate.Id, service.Name, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, _time.GetUtcNow()) { NodeId = _options.NodeId }, cancellationToken)))
        {
            return false;
        }

        running.Phase = ExecutionPhase.EXECUTING;
        running.Claimed = true;
        _ = Task.Run(() => RunAsync(candidate.Id, service, running), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// Runs the claim; when it fails, or throws (the server stopping mid-claim, the store gone), the job is
    /// forgotten here at once, so that a shutdown never waits for an execution that was never started.
    /// </summary>
    private async Task<bool> ClaimOrForgetAsync(string jobId, RunningJob running, Func<Task<bool>> claim)
    {
        var claimed = false;
        try
        {
            claimed = await claim();
            return claimed;
        }
        finally
        {
            if (!claimed)
            {
                _running.TryRemove(jobId, out _);
                running.Finished.TrySetResult();
            }
        }
    }
}
