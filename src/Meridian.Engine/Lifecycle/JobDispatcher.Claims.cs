// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
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
        // With every local slot taken the queue is not read (the loop wakes for every job queued): a free batch room
        // counts only where some service runs on a batch executor.
        while (HasRoom(batch: false) || (_runsBatchJobs && HasRoom(batch: true)))
        {
            var wakes = Interlocked.Read(ref _wakes);
            var limit = Math.Max(256, _options.MaxConcurrentJobs * 4);
            var queued = await _store.ListQueuedAsync(limit, cancellationToken);
            var started = 0;
            foreach (var candidate in queued)
            {
                if (await TryClaimAsync(candidate, cancellationToken))
                {
                    started++;
                }
            }

            if (started == queued.Count && queued.Count < limit)
            {
                // Every job queued when this look began is taken: none waits, unless a wake came since.
                Interlocked.Exchange(ref _drainedAtWake, wakes);
                return;
            }

            if (started == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Whether the last look at the queue took every job in it and nothing has woken the claim loop since: no
    /// job waits that this server could start, so a new one taking a free slot passes nobody.
    /// </summary>
    internal bool QueueDrained => Interlocked.Read(ref _drainedAtWake) == Interlocked.Read(ref _wakes);

    /// <summary>
    /// A job queued by a request that runs it (PHASE=RUN on a PENDING job) is claimed by that request, when this server
    /// has a slot for it and no job waits before it: the claim loop is not woken and the queue not read, and the job is
    /// EXECUTING by the time the request is answered. Otherwise the claim loop takes it in its turn. Never throws: the
    /// job is queued already, and a claim that fails here is the claim loop's to make.
    /// </summary>
    public async Task StartOrQueueAsync(string jobId, string serviceName)
    {
        try
        {
            if (QueueDrained && _catalog.Find(serviceName) is { } service && _executors.GetValueOrDefault(service.Executor) is { } executor
                && executor is not IBatchExecutor && await TryClaimAsync(new QueuedJob(jobId, serviceName), CancellationToken.None))
            {
                return;
            }
        }
        catch (Exception exception)
        {
            Log.DispatcherLoopFailed(_logger, exception);
        }

        Wake();
    }

    /// <summary>
    /// Takes a slot for a job about to be created to run, when this server has one for it and no job waits before it:
    /// the job is then stored EXECUTING, claimed by this node as it is created (it never waits QUEUED, and no other
    /// node is told of a queued job to race for), and started by <see cref="StartReserved"/>. False: store it QUEUED
    /// and <see cref="Wake"/> the claim loop. Jobs of a batch executor always go through the queue.
    /// </summary>
    public bool TryReserve(string jobId, ServiceDefinition service)
    {
        if (!QueueDrained || _executors.GetValueOrDefault(service.Executor) is not { } executor || executor is IBatchExecutor)
        {
            return false;
        }

        return TryTakeSlot(jobId, service, new RunningJob(service.Name, batch: false));
    }

    /// <summary>Runs the job stored EXECUTING in the slot <see cref="TryReserve"/> took for it.</summary>
    public void StartReserved(Job stored)
    {
        var running = _running[stored.Id];
        running.Phase = ExecutionPhase.EXECUTING;
        running.Claimed = true;
        Log.PhaseChangedOnTheWay(_logger, stored.Id, stored.Service, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING);
        var service = _catalog.Find(stored.Service)!;
        _ = Task.Run(() => RunAsync(stored, service, running), CancellationToken.None);
    }

    /// <summary>Gives back the slot of a job that could not be stored.</summary>
    public void ReleaseReserved(string jobId)
    {
        if (_running.TryRemove(jobId, out var running))
        {
            running.Finished.TrySetResult();
        }
    }

    private bool HasRoom(bool batch) =>
        _running.Count(pair => pair.Value.Batch == batch) < (batch ? _options.MaxBatchJobs : _options.MaxConcurrentJobs);

    /// <summary>
    /// Registers the job as this server's if there is room for it, overall and in its service's own limit. Checked and
    /// taken under one lock: the claim loop and the requests that start their jobs claim side by side.
    /// </summary>
    private bool TryTakeSlot(string jobId, ServiceDefinition service, RunningJob running)
    {
        lock (_slots)
        {
            return HasRoom(running.Batch)
                && !(service.Limits.Concurrent is { } limit && _running.Count(pair => pair.Value.Service == service.Name) >= limit)
                && _running.TryAdd(jobId, running);
        }
    }

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

        if (executor is IBatchExecutor)
        {
            return await TryClaimForBatchAsync(candidate.Id, service, cancellationToken);
        }

        // Registered before the claim, so an abort arriving between the claim and the start finds it.
        var running = new RunningJob(service.Name, batch: false);
        if (!TryTakeSlot(candidate.Id, service, running))
        {
            return false;
        }

        // The claim answers with the job it took, which the execution needs: it is not read again.
        Job? claimed = null;
        if (!await ClaimOrForgetAsync(candidate.Id, running, async () => (claimed = await _phases.TryMoveAndReadAsync(candidate.Id, service.Name,
            ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, _time.GetUtcNow()) { NodeId = _options.NodeId }, cancellationToken)) is not null))
        {
            return false;
        }

        running.Phase = ExecutionPhase.EXECUTING;
        running.Claimed = true;
        _ = Task.Run(() => RunAsync(claimed!, service, running), CancellationToken.None);
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
