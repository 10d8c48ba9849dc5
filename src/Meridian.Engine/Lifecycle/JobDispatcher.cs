// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Threading.Channels;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Diagnostics;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Claims QUEUED jobs first in, first out (QUEUED→EXECUTING, compare-and-set), runs each through its
/// service's executor, enforces its execution duration, and records the outcome. A bounded pool: beyond
/// MaxConcurrentJobs, or a service's own limit, jobs wait QUEUED. Jobs of a batch executor follow their
/// own path (JobDispatcher.Batch.cs): they stay QUEUED until the scheduler runs them. The claim loop and its slots are in
/// JobDispatcher.Claims.cs, a local execution in JobDispatcher.LocalRun.cs, recovery after a restart in JobDispatcher.Recovery.cs.
/// </summary>
public sealed partial class JobDispatcher : BackgroundService
{
    private const double MaxTimerMilliseconds = uint.MaxValue - 1;
    private readonly IJobStore _store;
    private readonly ServiceCatalog _catalog;
    private readonly Dictionary<string, IJobExecutor> _executors;
    /// <summary>Whether any service offered runs on a batch executor: if none does, the batch room is never anyone's.</summary>
    private readonly bool _runsBatchJobs;
    private readonly PhaseWaiter _waiter;
    private readonly MeridianOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobDispatcher> _logger;
    private readonly PhaseWriter _phases;
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    // Never disposed: the host may dispose the dispatcher before it stops it, and a token source without
    // a timer holds nothing that needs releasing.
    private readonly CancellationTokenSource _stopping = new();
    /// <summary>Batch executors that did not answer, and until when no job is handed to them.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unavailableUntil = new(StringComparer.Ordinal);
    private readonly object _slots = new();
    /// <summary>How many times the claim loop was woken, and the count when a look at the queue last found it emptied.</summary>
    private long _wakes;
    private long _drainedAtWake = -1;
    /// <summary>When the jobs executing here were last checked against the store, and whether a gap in the change feed asks for it now.</summary>
    private DateTimeOffset _runningCheckedAt = DateTimeOffset.MinValue;
    private volatile bool _runningCheckDue;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public JobDispatcher(
        IJobStore store, ServiceCatalog catalog, IEnumerable<IJobExecutor> executors, PhaseWaiter waiter,
        IOptions<MeridianOptions> options, TimeProvider time, ILogger<JobDispatcher> logger, JobMetrics? metrics = null)
    {
        _phases = new PhaseWriter(store, waiter, logger, metrics);
        _store = store;
        _catalog = catalog;
        _executors = executors.ToDictionary(executor => executor.Name, StringComparer.Ordinal);
        _runsBatchJobs = catalog.Services.Any(service => _executors.GetValueOrDefault(service.Executor) is IBatchExecutor);
        _waiter = waiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many jobs this server is executing now.</summary>
    public int RunningCount => _running.Count;

    /// <summary>Asks the dispatcher to look at the queue now (a job was queued, or a slot freed).</summary>
    public void Wake()
    {
        Interlocked.Increment(ref _wakes);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>
    /// A job changed in the store, possibly through another node: a job executing here that is no longer
    /// EXECUTING there (aborted or destroyed elsewhere) is stopped; a newly queued job wakes the queue.
    /// </summary>
    public void OnStoreChange(JobChange change)
    {
        if (change.Id is null)
        {
            // Notifications were lost: any job executing here may have been aborted elsewhere meanwhile.
            _runningCheckDue = true;
        }

        if (change.Id is null || change.Phase == ExecutionPhase.QUEUED)
        {
            Wake();
        }

        if (change.Id is not null && change.Phase is not (ExecutionPhase.QUEUED or ExecutionPhase.EXECUTING)
            && _running.TryGetValue(change.Id, out var running) && running.Claimed)
        {
            // Notifications arrive late and in any order (the QUEUED of the creation may come after this
            // node's own claim): only the store's present phase may stop an execution.
            _ = StopIfSupersededAsync(change.Id, running);
        }
    }

    private async Task StopIfSupersededAsync(string jobId, RunningJob running)
    {
        try
        {
            var job = await _store.GetAsync(jobId, _stopping.Token);
            if (job is null || !(job.Phase == running.Phase || (running.Batch && job.Phase == ExecutionPhase.EXECUTING)))
            {
                Log.Superseded(_logger, jobId);
                running.Stop.TrySetResult(StopReason.Superseded);
            }
            else if (running.Batch && job.NodeId != _options.NodeId)
            {
                // Another node took this batch job over (it thought this one dead): it follows the job now.
                running.Stop.TrySetResult(StopReason.Shutdown);
            }
        }
        catch (Exception exception) when (exception is StoreUnavailableException or OperationCanceledException)
        {
            // The periodic check will look again.
        }
    }

    /// <summary>
    /// Stops a job this server is executing and waits until its outcome is recorded. False when the job
    /// is not executing here; the caller then settles it in the store itself.
    /// </summary>
    public async Task<bool> TryStopAsync(string jobId, StopReason reason, CancellationToken cancellationToken)
    {
        if (!_running.TryGetValue(jobId, out var running))
        {
            return false;
        }

        running.Stop.TrySetResult(reason);
        await running.Finished.Task.WaitAsync(cancellationToken);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The loop wakes for every job queued and every slot freed, and the notifications of changes made elsewhere
                // reach OnStoreChange at once: the check of every job executing here against the store, for a notification
                // that never came, is made at the poll interval, not at each wake (with eight clients it was most of the
                // reads of a job on PostgreSQL).
                var now = _time.GetUtcNow();
                if (_runningCheckDue || now - _runningCheckedAt >= _options.QueuePollInterval)
                {
                    _runningCheckDue = false;
                    _runningCheckedAt = now;
                    await CheckRunningAsync(stoppingToken);
                }

                await FillAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.DispatcherLoopFailed(_logger, exception);
            }

            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            tick.CancelAfter(_options.QueuePollInterval);
            try
            {
                await _wake.Reader.ReadAsync(tick.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The safety-net tick: look at the queue anyway.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No job is claimed from now on; local jobs executing get the grace period to finish by themselves.
        await base.StopAsync(cancellationToken);
        var local = _running.Values.Where(running => !running.Batch).Select(running => running.Finished.Task).ToList();
        if (local.Count > 0 && _options.ShutdownGracePeriod > TimeSpan.Zero)
        {
            try
            {
                await Task.WhenAll(local).WaitAsync(_options.ShutdownGracePeriod, _time, cancellationToken);
            }
            catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
            {
                // Those still executing are stopped below.
            }
        }

        await _stopping.CancelAsync();
        // Local jobs still executing are killed and end in ERROR; batch jobs go on in the scheduler and are followed again at restart.
        var stopping = _running.Keys.Select(id => TryStopAsync(id, StopReason.Shutdown, cancellationToken));
        await Task.WhenAll(stopping);
    }

    /// <summary>The safety net for lost change notifications: a job executing here must still be EXECUTING in the store.</summary>
    private async Task CheckRunningAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, running) in _running)
        {
            if (running.Claimed)
            {
                await StopIfSupersededAsync(id, running);
            }
        }
    }

    /// <summary>
    /// Runs a store write until the store answers: a finished job's outcome must not be lost because the
    /// database is restarting. Gives up only when the server stops (the job is then settled at restart).
    /// </summary>
    private async Task<bool> WhileStoreIsBackAsync(string jobId, Func<Task<bool>> write)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception exception) when ((exception is StoreUnavailableException || DiskFull.Is(exception)) && !_stopping.IsCancellationRequested)
            {
                Log.OutcomeDeferred(_logger, exception, jobId);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    throw exception;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
