// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Threading.Channels;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Diagnostics;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Execution;

/// <summary>
/// Claims QUEUED jobs first in, first out (QUEUED→EXECUTING, compare-and-set), runs each through its
/// service's executor, enforces its execution duration, and records the outcome. A bounded pool: beyond
/// MaxConcurrentJobs, or a service's own limit, jobs wait QUEUED. Jobs of a batch executor follow their
/// own path (JobDispatcher.Batch.cs): they stay QUEUED until the scheduler runs them.
/// </summary>
public sealed partial class JobDispatcher : BackgroundService
{
    private const double MaxTimerMilliseconds = uint.MaxValue - 1;
    private readonly IJobStore _store;
    private readonly ServiceCatalog _catalog;
    private readonly Dictionary<string, IJobExecutor> _executors;
    private readonly PhaseWaiter _waiter;
    private readonly MeridianOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobDispatcher> _logger;
    private readonly JobMetrics? _metrics;
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    // Never disposed: the host may dispose the dispatcher before it stops it, and a token source without
    // a timer holds nothing that needs releasing.
    private readonly CancellationTokenSource _stopping = new();
    /// <summary>Batch executors that did not answer, and until when no job is handed to them.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unavailableUntil = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public JobDispatcher(
        IJobStore store, ServiceCatalog catalog, IEnumerable<IJobExecutor> executors, PhaseWaiter waiter,
        IOptions<MeridianOptions> options, TimeProvider time, ILogger<JobDispatcher> logger, JobMetrics? metrics = null)
    {
        _metrics = metrics;
        _store = store;
        _catalog = catalog;
        _executors = executors.ToDictionary(executor => executor.Name, StringComparer.Ordinal);
        _waiter = waiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>How many jobs this server is executing now.</summary>
    public int RunningCount => _running.Count;

    /// <summary>Asks the dispatcher to look at the queue now (a job was queued, or a slot freed).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// A job changed in the store, possibly through another node: a job executing here that is no longer
    /// EXECUTING there (aborted or destroyed elsewhere) is stopped; a newly queued job wakes the queue.
    /// </summary>
    public void OnStoreChange(JobChange change)
    {
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
                await CheckRunningAsync(stoppingToken);
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
            if (await _store.TrySetPhaseAsync(candidate.Id, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow()) { Error = error }, cancellationToken))
            {
                _waiter.Notify(candidate.Id);
            }

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
            () => _store.TrySetPhaseAsync(candidate.Id, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, _time.GetUtcNow()) { NodeId = _options.NodeId }, cancellationToken)))
        {
            return false;
        }

        running.Phase = ExecutionPhase.EXECUTING;
        running.Claimed = true;
        _waiter.Notify(candidate.Id);
        Log.PhaseChanged(_logger, candidate.Id, service.Name, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING);
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

    private async Task RunAsync(string jobId, ServiceDefinition service, RunningJob running)
    {
        try
        {
            var job = await _store.GetAsync(jobId, CancellationToken.None);
            if (job is null)
            {
                return;
            }

            var workspace = new JobWorkspace(_options.JobsDirectory, jobId);
            var ending = await ExecuteAsync(job, service, workspace, running);
            var change = JobOutcomes.For(ending, job, service, workspace, _time.GetUtcNow());
            if (ending.Stop == StopReason.Superseded)
            {
                // Aborted or destroyed through another node: the phase is written already; what the job
                // produced is kept (U19).
                await WhileStoreIsBackAsync(jobId, () => _store.TryRecordResultsAsync(jobId, change.Results ?? [], CancellationToken.None));
            }
            else if (await WhileStoreIsBackAsync(jobId, () => _store.TrySetPhaseAsync(jobId, ExecutionPhase.EXECUTING, change, CancellationToken.None)))
            {
                Log.PhaseChanged(_logger, jobId, service.Name, ExecutionPhase.EXECUTING, change.Next);
                _metrics?.JobEnded(service.Name, change.Next, job.StartTime, change.At);
            }

            _waiter.Notify(jobId);
        }
        catch (Exception exception)
        {
            Log.DispatchFailed(_logger, exception, jobId);
            // Written until the store takes it (a full disk may refuse it for a while): no job stays EXECUTING without a process.
            var change = new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow()) { Error = CouldNotRun(exception) };
            if (await WhileStoreIsBackAsync(jobId, () => _store.TrySetPhaseAsync(jobId, ExecutionPhase.EXECUTING, change, CancellationToken.None)))
            {
                _waiter.Notify(jobId);
            }
        }
        finally
        {
            _running.TryRemove(jobId, out _);
            running.Finished.TrySetResult();
            Wake();
        }
    }

    private async Task<ExecutionEnding> ExecuteAsync(Job job, ServiceDefinition service, JobWorkspace workspace, RunningJob running)
    {
        Directory.CreateDirectory(workspace.Work);
        if (running.Stop.Task.IsCompleted)
        {
            return new ExecutionEnding(new ExecutionStatus(ExecutionState.Cancelled), running.Stop.Task.Result, null);
        }

        var executor = _executors[service.Executor];
        var request = BuildRequest(job, service, workspace);
        var limit = request.TimeLimit;
        string handle;
        try
        {
            handle = await executor.StartAsync(request, CancellationToken.None);
        }
        catch (ExecutionStartException exception)
        {
            return new ExecutionEnding(new ExecutionStatus(ExecutionState.Failed), null, exception.Message);
        }

        await _store.TrySetExecutorHandleAsync(job.Id, handle, CancellationToken.None);
        using var deadline = new CancellationTokenSource();
        var exited = executor.WaitForExitAsync(handle, CancellationToken.None);
        // A timer cannot wait longer than about 49 days (Task.Delay throws, after the program has started): a longer
        // duration, allowed by a service without a maximum, is enforced as none.
        var timeout = limit is { } duration && duration.TotalMilliseconds <= MaxTimerMilliseconds
            ? Task.Delay(duration, _time, deadline.Token) : Task.Delay(Timeout.Infinite, deadline.Token);
        var first = await Task.WhenAny(exited, running.Stop.Task, timeout);
        await deadline.CancelAsync();
        StopReason? stop = null;
        if (first != exited)
        {
            stop = first == timeout ? StopReason.Timeout : running.Stop.Task.Result;
            await executor.CancelAsync(handle, CancellationToken.None);
        }

        return new ExecutionEnding(await exited, stop, null);
    }

    /// <summary>
    /// The error summary of a job Meridian itself failed to run. It names a full disk; other failures are in the
    /// log, since their messages may show the server's paths.
    /// </summary>
    internal static ErrorSummary CouldNotRun(Exception exception) => new(ErrorType.Transient, DiskFull.Is(exception)
        ? $"The job could not run: {DiskFull.Reason} (its files could not be written). Submit it again once there is room."
        : $"Meridian could not run the job ({exception.GetType().Name}); the details are in the server's log.", false);

    private static ExecutionRequest BuildRequest(Job job, ServiceDefinition service, JobWorkspace workspace) =>
        new(job.Id, CommandRenderer.Render(service, job, workspace), workspace.Work, workspace.Stdout, workspace.Stderr,
            new Dictionary<string, string> { ["MERIDIAN_JOB_ID"] = job.Id, ["MERIDIAN_WORK_DIR"] = workspace.Work },
            job.ExecutionDuration > 0 ? TimeSpan.FromSeconds(job.ExecutionDuration) : null)
        {
            Batch = service.Batch,
        };

    /// <summary>
    /// After a restart: a local job that was EXECUTING lost its server mid-run. Its leftover process (if
    /// any) is killed and the job ends in ERROR, saying so; nothing is left EXECUTING for ever. A batch job
    /// (QUEUED or EXECUTING in its scheduler) is followed again where it is.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var job in await _store.ListInPhaseAsync(ExecutionPhase.QUEUED, cancellationToken))
        {
            if (job.NodeId == _options.NodeId)
            {
                Resume(job);
            }
        }

        foreach (var job in await _store.ListInPhaseAsync(ExecutionPhase.EXECUTING, cancellationToken))
        {
            // Other nodes' jobs are theirs; if a node died, NodeMonitor settles its jobs once it is found silent.
            if (_running.ContainsKey(job.Id) || (job.NodeId is not null && job.NodeId != _options.NodeId))
            {
                continue;
            }

            var service = _catalog.Find(job.Service);
            if (service is not null && _executors.TryGetValue(service.Executor, out var found) && found is IBatchExecutor)
            {
                Resume(job);
                continue;
            }

            if (job.ExecutorHandle is { } handle && service is not null && _executors.TryGetValue(service.Executor, out var executor))
            {
                await executor.CancelAsync(handle, cancellationToken);
            }

            var workspace = new JobWorkspace(_options.JobsDirectory, job.Id);
            var change = new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow())
            {
                Error = new ErrorSummary(ErrorType.Transient,
                    "The server stopped while this job was executing, so it did not finish. Submit it again.", false),
                Results = service is null ? [] : ResultCollector.Collect(service, workspace),
            };
            if (await _store.TrySetPhaseAsync(job.Id, ExecutionPhase.EXECUTING, change, cancellationToken))
            {
                Log.Orphaned(_logger, job.Id);
                _waiter.Notify(job.Id);
            }
        }
    }

    private sealed class RunningJob(string service, bool batch)
    {
        public string Service { get; } = service;
        /// <summary>Whether a batch scheduler runs the job: it outlives this server and is not killed at shutdown.</summary>
        public bool Batch { get; } = batch;
        /// <summary>The job's phase in the store as this server last wrote it: QUEUED until a batch job runs.</summary>
        public volatile ExecutionPhase Phase = ExecutionPhase.QUEUED;
        /// <summary>When the job started EXECUTING, once it has; its execution duration counts from then.</summary>
        public DateTimeOffset? StartTime { get; set; }
        public TaskCompletionSource<StopReason> Stop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>Set once the claim succeeded: before that, the store's phase is still QUEUED.</summary>
        public volatile bool Claimed;
    }
}

/// <summary>Why the dispatcher stopped an execution before it ended by itself.</summary>
public enum StopReason
{
    Abort,
    Timeout,
    Shutdown,
    /// <summary>The job left EXECUTING in the store through another request or node (aborted, destroyed).</summary>
    Superseded,
}

/// <summary>How an execution ended: the executor's status, why it was stopped (if it was), or why it never started.</summary>
public sealed record ExecutionEnding(ExecutionStatus Status, StopReason? Stop, string? StartError);
