// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

public sealed partial class JobDispatcher
{
    /// <param name="job">The job as its claim stored it (the request that created it, or the claim loop's).</param>
    private async Task RunAsync(Job job, ServiceDefinition service, RunningJob running)
    {
        var jobId = job.Id;
        try
        {
            var workspace = new JobWorkspace(_options.JobsDirectory, jobId);
            var ending = await ExecuteAsync(job, service, workspace, running);
            var change = JobOutcomes.For(ending, job, service, workspace, _time.GetUtcNow());
            if (ending.Stop == StopReason.Superseded)
            {
                // Aborted or destroyed through another node: the phase is written already; what the job
                // produced is kept (U19).
                await WhileStoreIsBackAsync(jobId, () => _store.TryRecordResultsAsync(jobId, change.Results ?? [], CancellationToken.None));
                _waiter.Notify(jobId);
            }
            else
            {
                // The phase writer wakes the job's waiters when the outcome is written.
                await WhileStoreIsBackAsync(jobId, () => _phases.TryMoveAsync(jobId, service.Name, ExecutionPhase.EXECUTING, change, CancellationToken.None, job.StartTime));
            }
        }
        catch (Exception exception)
        {
            Log.DispatchFailed(_logger, exception, jobId);
            // Written until the store takes it (a full disk may refuse it for a while): no job stays EXECUTING without a process.
            var change = new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow()) { Error = CouldNotRun(exception) };
            await WhileStoreIsBackAsync(jobId, () => _phases.TryMoveAsync(jobId, service.Name, ExecutionPhase.EXECUTING, change, CancellationToken.None));
        }
        finally
        {
            _running.TryRemove(jobId, out _);
            running.Finished.TrySetResult();
            // The freed slot is for a job waiting, if one is.
            if (!QueueDrained)
            {
                Wake();
            }
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

        if (!executor.HandleIsJobId)
        {
            await _store.TrySetExecutorHandleAsync(job.Id, handle, CancellationToken.None);
        }

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
            new Dictionary<string, string> { [JobProcesses.Variable] = job.Id, ["MERIDIAN_WORK_DIR"] = workspace.Work },
            job.ExecutionDuration > 0 ? TimeSpan.FromSeconds(job.ExecutionDuration) : null)
        {
            Batch = service.Batch,
        };
}
