// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Jobs of a batch executor: claimed while QUEUED (the store's node column, compare-and-set), submitted,
/// QUEUED while the scheduler holds them pending and EXECUTING once it runs them. They outlive this server:
/// a shutdown leaves them running, and a restart (or another node, when this one dies) follows them again by
/// the handle the store keeps, or by the job's id when the server stopped before recording the handle.
/// </summary>
public sealed partial class JobDispatcher
{
    /// <summary>How long a stopped batch job may take to be reported ended before its outcome is written anyway.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FindRetry = TimeSpan.FromSeconds(10);

    private async Task<bool> TryClaimForBatchAsync(string jobId, ServiceDefinition service, CancellationToken cancellationToken)
    {
        if (_unavailableUntil.TryGetValue(service.Executor, out var until) && until > _time.GetUtcNow())
        {
            return false;
        }

        var running = new RunningJob(service.Name, batch: true);
        if (!TryTakeSlot(jobId, service, running))
        {
            return false;
        }

        if (!await ClaimOrForgetAsync(jobId, running, () => _store.TrySetNodeAsync(jobId, null, _options.NodeId, cancellationToken)))
        {
            return false;
        }

        running.Claimed = true;
        _ = Task.Run(() => RunBatchAsync(jobId, service, running, resumed: false), CancellationToken.None);
        return true;
    }

    /// <summary>
    /// Takes over the batch job of a node found dead: the scheduler still runs it, so it is followed from
    /// here. False when the job's service does not run on a batch executor (the caller settles it).
    /// </summary>
    public async Task<bool> TryAdoptAsync(Job job, CancellationToken cancellationToken)
    {
        if (_catalog.Find(job.Service) is not { } service || _executors.GetValueOrDefault(service.Executor) is not IBatchExecutor)
        {
            return false;
        }

        if (await _store.TrySetNodeAsync(job.Id, job.NodeId, _options.NodeId, cancellationToken))
        {
            Resume(job);
        }

        return true;
    }

    /// <summary>Follows again a batch job this node had claimed, QUEUED or EXECUTING.</summary>
    private void Resume(Job job)
    {
        if (_catalog.Find(job.Service) is not { } service || _executors.GetValueOrDefault(service.Executor) is not IBatchExecutor)
        {
            // The service went away, or no longer runs on a batch scheduler: the queue settles the job.
            _ = _store.TrySetNodeAsync(job.Id, _options.NodeId, null, CancellationToken.None);
            return;
        }

        var running = new RunningJob(service.Name, batch: true) { Phase = job.Phase, StartTime = job.StartTime, Claimed = true };
        if (_running.TryAdd(job.Id, running))
        {
            Log.Reattached(_logger, job.Id, job.ExecutorHandle);
            _ = Task.Run(() => RunBatchAsync(job.Id, service, running, resumed: true), CancellationToken.None);
        }
    }

    private async Task RunBatchAsync(string jobId, ServiceDefinition service, RunningJob running, bool resumed)
    {
        try
        {
            var job = await _store.GetAsync(jobId, CancellationToken.None);
            if (job is null)
            {
                return;
            }

            var executor = (IBatchExecutor)_executors[service.Executor];
            var workspace = new JobWorkspace(_options.JobsDirectory, jobId);
            if (await FollowBatchAsync(job, service, executor, workspace, running, resumed) is { } ending)
            {
                await RecordBatchOutcomeAsync(job, service, workspace, running, ending);
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
            // The server stops: the job goes on in its scheduler and is followed again at restart.
        }
        catch (Exception exception)
        {
            Log.DispatchFailed(_logger, exception, jobId);
            var error = CouldNotRun(exception);
            await _phases.TryMoveAsync(jobId, running.Service, running.Phase, new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow()) { Error = error }, CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(jobId, out _);
            running.Finished.TrySetResult();
            Wake();
        }
    }

    /// <summary>Submits the job (unless it was already), follows it to its end; null when this server stops following it.</summary>
    private async Task<ExecutionEnding?> FollowBatchAsync(
        Job job, ServiceDefinition service, IBatchExecutor executor, JobWorkspace workspace, RunningJob running, bool resumed)
    {
        var handle = job.ExecutorHandle;
        if (handle is null && resumed)
        {
            handle = await FindSubmittedAsync(executor, job.Id, running);
            if (_stopping.IsCancellationRequested)
            {
                return null;
            }

            if (running.Stop.Task.IsCompleted && handle is null)
            {
                return running.Stop.Task.Result == StopReason.Shutdown ? null : new ExecutionEnding(new ExecutionStatus(ExecutionState.Cancelled), running.Stop.Task.Result, null);
            }
        }

        if (handle is null)
        {
            if (running.Stop.Task.IsCompleted)
            {
                return running.Stop.Task.Result == StopReason.Shutdown ? await GiveBackAsync(job.Id) : new ExecutionEnding(new ExecutionStatus(ExecutionState.Cancelled), running.Stop.Task.Result, null);
            }

            Directory.CreateDirectory(workspace.Work);
            var request = BuildRequest(job, service, workspace) with
            {
                Callback = _options.CallbackUrl is { Length: > 0 } url ? ExecutionCallback.Create(url, workspace, job.Id) : null,
            };
            try
            {
                handle = await executor.StartAsync(request, CancellationToken.None);
            }
            catch (ExecutorUnavailableException exception)
            {
                _unavailableUntil[service.Executor] = _time.GetUtcNow() + exception.RetryAfter;
                Log.ExecutorUnavailable(_logger, exception, service.Executor, job.Id, exception.RetryAfter);
                return await GiveBackAsync(job.Id);
            }
            catch (ExecutionStartException exception)
            {
                return new ExecutionEnding(new ExecutionStatus(ExecutionState.Failed), null, exception.Message);
            }

            _unavailableUntil.TryRemove(service.Executor, out _);
            Log.Submitted(_logger, job.Id, handle);
            var submitted = handle;
            await WhileStoreIsBackAsync(job.Id, () => _store.TrySetExecutorHandleAsync(job.Id, submitted, CancellationToken.None));
        }

        using var follow = new CancellationTokenSource();
        var exited = executor.WaitForExitAsync(handle, follow.Token);
        if (running.Phase == ExecutionPhase.QUEUED)
        {
            var started = executor.WaitForStartAsync(handle, new ExpectedStartRecorder(this, job.Id), follow.Token);
            var first = await Task.WhenAny(started, exited, running.Stop.Task);
            if (first == running.Stop.Task)
            {
                return await StopBatchAsync(executor, job.Id, handle, running.Stop.Task.Result, exited, follow);
            }

            var status = await (first == started ? started : exited);
            if (status.State is not (ExecutionState.Cancelled or ExecutionState.Lost) && !await MarkExecutingAsync(job.Id, running))
            {
                running.Stop.TrySetResult(StopReason.Superseded);
            }
        }

        // The execution duration counts from the start, also across a restart.
        var startTime = running.StartTime ?? (await _store.GetAsync(job.Id, CancellationToken.None))?.StartTime ?? _time.GetUtcNow();
        using var deadline = new CancellationTokenSource();
        var remaining = job.ExecutionDuration > 0 ? TimeSpan.FromSeconds(job.ExecutionDuration) - (_time.GetUtcNow() - startTime) : (TimeSpan?)null;
        var timeout = remaining is { } left && left.TotalMilliseconds <= MaxTimerMilliseconds
            ? Task.Delay(left < TimeSpan.Zero ? TimeSpan.Zero : left, _time, deadline.Token)
            : Task.Delay(Timeout.Infinite, deadline.Token);
        var end = await Task.WhenAny(exited, running.Stop.Task, timeout);
        await deadline.CancelAsync();
        if (end == exited)
        {
            return new ExecutionEnding(await exited, null, null);
        }

        var stop = end == timeout ? StopReason.Timeout : running.Stop.Task.Result;
        return await StopBatchAsync(executor, job.Id, handle, stop, exited, follow);
    }

    /// <summary>
    /// The handle of a job claimed before the server stopped and never recorded: asks the scheduler, again
    /// and again while it does not answer, since submitting the job a second time is never right.
    /// </summary>
    private async Task<string?> FindSubmittedAsync(IBatchExecutor executor, string jobId, RunningJob running)
    {
        while (true)
        {
            try
            {
                return await executor.FindAsync(jobId, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception exception)
            {
                Log.FindFailed(_logger, exception, jobId);
            }

            if (await Task.WhenAny(running.Stop.Task, Task.Delay(FindRetry, _time, _stopping.Token)) == running.Stop.Task || _stopping.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    /// <summary>Gives a claimed, never submitted job back to the queue; null: there is no outcome to record.</summary>
    private async Task<ExecutionEnding?> GiveBackAsync(string jobId)
    {
        await WhileStoreIsBackAsync(jobId, () => _store.TrySetNodeAsync(jobId, _options.NodeId, null, CancellationToken.None));
        return null;
    }

    /// <summary>
    /// A shutdown stops following the job (it goes on in the scheduler); any other reason cancels it there
    /// and waits, within a grace period, for the scheduler to report it ended.
    /// </summary>
    private async Task<ExecutionEnding?> StopBatchAsync(
        IBatchExecutor executor, string jobId, string handle, StopReason stop, Task<ExecutionStatus> exited, CancellationTokenSource follow)
    {
        if (stop == StopReason.Shutdown)
        {
            await follow.CancelAsync();
            return null;
        }

        try
        {
            await executor.CancelAsync(handle, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The scheduler did not answer: the job is recorded as stopped anyway, and its outcome ignored.
            Log.CancelFailed(_logger, exception, jobId, handle);
            await follow.CancelAsync();
            return new ExecutionEnding(new ExecutionStatus(ExecutionState.Cancelled), stop, null);
        }

        if (await Task.WhenAny(exited, Task.Delay(CancelGrace, _time)) != exited)
        {
            await follow.CancelAsync();
            return new ExecutionEnding(new ExecutionStatus(ExecutionState.Cancelled), stop, null);
        }

        return new ExecutionEnding(await exited, stop, null);
    }

    /// <summary>Keeps the store's expected start of a queued batch job (its quote) in step with what the scheduler says.</summary>
    private sealed class ExpectedStartRecorder(JobDispatcher dispatcher, string jobId) : IProgress<ExecutionStatus>
    {
        private DateTimeOffset? _recorded;

        public void Report(ExecutionStatus value)
        {
            if (value.ExpectedStart is not { } expected || (_recorded is { } known && (expected - known).Duration() < TimeSpan.FromSeconds(1)))
            {
                return;
            }

            _recorded = expected;
            _ = RecordAsync(expected);
        }

        private async Task RecordAsync(DateTimeOffset expected)
        {
            try
            {
                await dispatcher._store.TrySetExpectedStartAsync(jobId, expected, CancellationToken.None);
            }
            catch (StoreUnavailableException)
            {
                _recorded = null; // Written at the next look.
            }
        }
    }

    /// <summary>QUEUED → EXECUTING when the scheduler runs the job; false when the job left QUEUED meanwhile (aborted, destroyed).</summary>
    private async Task<bool> MarkExecutingAsync(string jobId, RunningJob running)
    {
        var now = _time.GetUtcNow();
        if (!await WhileStoreIsBackAsync(jobId, () => _phases.TryMoveAsync(jobId, running.Service, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, now), CancellationToken.None)))
        {
            return false;
        }

        running.StartTime = now;
        running.Phase = ExecutionPhase.EXECUTING;
        return true;
    }

    private async Task RecordBatchOutcomeAsync(Job job, ServiceDefinition service, JobWorkspace workspace, RunningJob running, ExecutionEnding ending)
    {
        // A job that ran and ended before its start was seen still passes through EXECUTING (it has a start time).
        if (running.Phase == ExecutionPhase.QUEUED && ending.Stop is null
            && ending.Status.State is ExecutionState.Succeeded or ExecutionState.Failed or ExecutionState.TimedOut && ending.StartError is null)
        {
            await MarkExecutingAsync(job.Id, running);
        }

        var change = JobOutcomes.For(ending, job, service, workspace, _time.GetUtcNow());
        if (ending.Stop == StopReason.Superseded)
        {
            await WhileStoreIsBackAsync(job.Id, () => _store.TryRecordResultsAsync(job.Id, change.Results ?? [], CancellationToken.None));
            _waiter.Notify(job.Id);
        }
        else
        {
            // The phase writer wakes the job's waiters when the outcome is written.
            await WhileStoreIsBackAsync(job.Id, () => _phases.TryMoveAsync(job.Id, service.Name, running.Phase, change, CancellationToken.None, running.StartTime ?? job.StartTime));
        }
    }
}
