// SPDX-License-Identifier: MIT
using System.Threading.Channels;
using Meridian.Engine.Execution;
using Microsoft.Extensions.Logging;

namespace Meridian.Execution.Slurm;

/// <summary>
/// Follows every SLURM job someone waits for (its start or its end) with one squeue call per interval for
/// all of them, never one call per job. A notification (a failed job's end callback, a cancel) makes it look
/// at once, then again shortly after while SLURM still reports the job as ending. The job's own reports that
/// it started, or that it exited with code 0, are taken as they are. The loop runs only while jobs are watched.
/// </summary>
internal sealed class SlurmJobWatcher
{
    /// <summary>Notifications arriving this close together are answered by one look.</summary>
    private static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(50);

    /// <summary>The first follow-up after a notification; each next one waits twice as long, up to the interval.</summary>
    private static readonly TimeSpan FirstFollowUp = TimeSpan.FromMilliseconds(250);

    private const int MaxFollowUps = 6;

    /// <summary>How long a notification for a job nobody waits for yet is remembered, and how many at most.</summary>
    private static readonly TimeSpan EarlyNotificationLifetime = TimeSpan.FromMinutes(10);
    private const int MaxEarlyNotifications = 10_000;

    private readonly SlurmCommands _commands;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EarlyNotification> _earlyNotifications = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private bool _looping;

    public SlurmJobWatcher(SlurmCommands commands, TimeSpan interval, ILogger logger)
    {
        _commands = commands;
        _interval = interval;
        _logger = logger;
    }

    /// <summary>Completes when SLURM reports the job ended (or knows it nowhere: Lost).</summary>
    public Task<ExecutionStatus> WaitAsync(string jobId, CancellationToken cancellationToken) =>
        WaitForAsync(jobId, watch => watch.Ended.Task, null, cancellationToken);

    /// <summary>
    /// Completes when SLURM runs the job, or reports it ended (or lost) before anyone saw it run; each look that
    /// finds it still pending is reported to <paramref name="pending"/>.
    /// </summary>
    public Task<ExecutionStatus> WaitForStartAsync(string jobId, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken) =>
        WaitForAsync(jobId, watch => watch.Started.Task, pending, cancellationToken);

    private async Task<ExecutionStatus> WaitForAsync(
        string jobId, Func<Watch, Task<ExecutionStatus>> moment, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken)
    {
        Watch watch;
        lock (_gate)
        {
            if (!_watches.TryGetValue(jobId, out watch!))
            {
                watch = new Watch();
                _watches.Add(jobId, watch);
                if (_earlyNotifications.Remove(jobId, out var early) && DateTimeOffset.UtcNow - early.At < EarlyNotificationLifetime)
                {
                    Apply(jobId, watch, early.Report);
                }
            }

            watch.Waiters++;
            if (pending is not null)
            {
                watch.Pending.Add(pending);
            }

            if (!_looping)
            {
                _looping = true;
                _ = Task.Run(LoopAsync, CancellationToken.None);
            }
        }

        try
        {
            return await moment(watch).WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                if (pending is not null)
                {
                    watch.Pending.Remove(pending);
                }

                // The last waiter gave up: stop asking SLURM about a job nobody waits for.
                if (--watch.Waiters == 0 && _watches.TryGetValue(jobId, out var current) && current == watch)
                {
                    _watches.Remove(jobId);
                }
            }
        }
    }

    /// <summary>
    /// Looks at the job at once, and again shortly after while it is still ending. A job nobody waits for yet
    /// (a short job's callback can overtake the wait) is looked at as soon as someone does.
    /// </summary>
    public void Expedite(string jobId) => Receive(jobId, JobReport.Expedite);

    /// <summary>
    /// What the job itself reported: it started, or its program exited with code 0 (the job has ended well: no
    /// need to ask SLURM). Authenticated by the caller. Remembered for a while when nobody waits for the job yet.
    /// </summary>
    public void Receive(string jobId, JobReport report)
    {
        lock (_gate)
        {
            if (!_watches.TryGetValue(jobId, out var watch))
            {
                RememberEarly(jobId, report);
                return;
            }

            Apply(jobId, watch, report);
        }
    }

    /// <summary>Applies a report to a watch; called with the gate held.</summary>
    private void Apply(string jobId, Watch watch, JobReport report)
    {
        switch (report)
        {
            case JobReport.Started:
                watch.Started.TrySetResult(new ExecutionStatus(ExecutionState.Running, Message: $"SLURM job {jobId} reported its start"));
                break;
            case JobReport.Succeeded:
                var status = new ExecutionStatus(ExecutionState.Succeeded, 0, $"SLURM job {jobId} reported its program exited with code 0");
                watch.Started.TrySetResult(status);
                watch.Ended.TrySetResult(status);
                _watches.Remove(jobId);
                break;
            default:
                watch.FollowUps = 0;
                watch.Expedited = true;
                _wake.Writer.TryWrite(true);
                break;
        }
    }

    /// <summary>
    /// The status of each job: squeue for all of them in one call (it holds ended jobs for MinJobAge), then
    /// sacct for those the controller has forgotten, in one call; a job known to neither is Lost.
    /// </summary>
    public async Task<Dictionary<string, ExecutionStatus>> LookUpAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        var statuses = new Dictionary<string, ExecutionStatus>(StringComparer.Ordinal);
        foreach (var job in await _commands.QueueAsync(jobIds, cancellationToken))
        {
            statuses[job.JobId] = SlurmStateMap.ToStatus(job);
        }

        var missing = jobIds.Where(id => !statuses.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return statuses;
        }

        Dictionary<string, SlurmJobInfo> finished;
        var why = "squeue and sacct know no such job";
        try
        {
            finished = await _commands.AccountingAsync(missing, cancellationToken);
        }
        catch (SlurmCommandException exception) when (!exception.SchedulerUnreachable)
        {
            // No completion log or accounting on this cluster: what the controller forgot is gone.
            finished = [];
            why = $"squeue knows no such job and sacct cannot tell: {exception.Message}";
        }

        foreach (var id in missing)
        {
            statuses[id] = finished.TryGetValue(id, out var job)
                ? SlurmStateMap.ToStatus(job)
                : new ExecutionStatus(ExecutionState.Lost, Message: $"SLURM job {id} is unknown: {why}");
        }

        return statuses;
    }

    private void RememberEarly(string jobId, JobReport report)
    {
        var now = DateTimeOffset.UtcNow;
        if (_earlyNotifications.Count >= MaxEarlyNotifications)
        {
            foreach (var stale in _earlyNotifications.Where(pair => now - pair.Value.At >= EarlyNotificationLifetime).Select(pair => pair.Key).ToList())
            {
                _earlyNotifications.Remove(stale);
            }
        }

        // A later report says more than an earlier one (ended after started), never less.
        if (_earlyNotifications.Count < MaxEarlyNotifications
            && !(_earlyNotifications.TryGetValue(jobId, out var known) && known.Report > report))
        {
            _earlyNotifications[jobId] = new EarlyNotification(now, report);
        }
    }

    private async Task LoopAsync()
    {
        var delay = _interval;
        while (true)
        {
            await WakeOrDelayAsync(delay);
            List<string> jobIds;
            lock (_gate)
            {
                if (_watches.Count == 0)
                {
                    _looping = false;
                    return;
                }

                jobIds = [.. _watches.Keys];
            }

            Dictionary<string, ExecutionStatus> statuses;
            try
            {
                statuses = await LookUpAsync(jobIds, CancellationToken.None);
            }
            catch (Exception exception)
            {
                // The controller is down or restarting: the jobs go on without us; ask again later.
                Log.ReconcileFailed(_logger, exception, jobIds.Count, _interval);
                delay = _interval;
                continue;
            }

            delay = Settle(jobIds, statuses);
        }
    }

    /// <summary>Completes the waits of ended jobs, tells the pending ones' listeners; returns when to look next.</summary>
    private TimeSpan Settle(List<string> jobIds, Dictionary<string, ExecutionStatus> statuses)
    {
        var reports = new List<(IProgress<ExecutionStatus> Listener, ExecutionStatus Status)>();
        try
        {
            return SettleLocked(jobIds, statuses, reports);
        }
        finally
        {
            // Outside the gate: a listener may take its time.
            foreach (var (listener, status) in reports)
            {
                listener.Report(status);
            }
        }
    }

    private TimeSpan SettleLocked(List<string> jobIds, Dictionary<string, ExecutionStatus> statuses, List<(IProgress<ExecutionStatus>, ExecutionStatus)> reports)
    {
        var next = _interval;
        lock (_gate)
        {
            foreach (var id in jobIds)
            {
                if (!_watches.TryGetValue(id, out var watch) || !statuses.TryGetValue(id, out var status))
                {
                    continue;
                }

                if (status.HasEnded)
                {
                    Log.Ended(_logger, id, status.State.ToString(), status.Message);
                    _watches.Remove(id);
                    watch.Started.TrySetResult(status);
                    watch.Ended.TrySetResult(status);
                    continue;
                }

                if (status.State == ExecutionState.Running)
                {
                    watch.Started.TrySetResult(status);
                }
                else
                {
                    reports.AddRange(watch.Pending.Select(listener => (listener, status)));
                }

                if (watch.Expedited && watch.FollowUps++ < MaxFollowUps)
                {
                    var followUp = FirstFollowUp * Math.Pow(2, watch.FollowUps - 1);
                    next = followUp < next ? followUp : next;
                }
                else
                {
                    watch.Expedited = false;
                }
            }
        }

        return next;
    }

    private async Task WakeOrDelayAsync(TimeSpan delay)
    {
        using var timer = new CancellationTokenSource(delay);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Task.Delay(Coalescing);
        // The look that follows answers the notifications that came meanwhile too.
        _wake.Reader.TryRead(out _);
    }

    private sealed record EarlyNotification(DateTimeOffset At, JobReport Report);

    private sealed class Watch
    {
        public TaskCompletionSource<ExecutionStatus> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<ExecutionStatus> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        /// <summary>Who wants to hear of each look at the job while it is pending.</summary>
        public List<IProgress<ExecutionStatus>> Pending { get; } = [];
        public int Waiters { get; set; }
        public bool Expedited { get; set; }
        public int FollowUps { get; set; }
    }
}
