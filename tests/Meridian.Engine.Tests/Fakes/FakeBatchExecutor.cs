// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Meridian.Engine.Execution;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>
/// A batch scheduler that runs nothing: each submission waits until the test runs it (Run) and ends it
/// (Finish, or End with an exit code and stderr). It counts submissions, refuses them while Unavailable, and
/// finds a job's submission by job id. Its submissions outlive the executor, as a real scheduler's do: an
/// executor built after a restart (Restarted) sees them.
/// </summary>
public sealed class FakeBatchExecutor : IBatchExecutor
{
    public const string ExecutorName = "batch";
    private readonly Scheduler _scheduler;
    private int _attempts;

    public FakeBatchExecutor()
        : this(new Scheduler())
    {
    }

    private FakeBatchExecutor(Scheduler scheduler) => _scheduler = scheduler;

    public string Name => ExecutorName;

    public bool Unavailable { get; set; }

    public int Submissions => _scheduler.ByHandle.Count;

    /// <summary>StartAsync calls, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public ConcurrentQueue<string> Cancelled { get; } = new();

    /// <summary>A new executor in front of the same scheduler, as the server builds one after a restart.</summary>
    public FakeBatchExecutor Restarted() => new(_scheduler);

    public Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Unavailable)
        {
            throw new ExecutorUnavailableException("the scheduler does not answer", TimeSpan.FromMilliseconds(50));
        }

        return Task.FromResult(Submit(request.JobId, request.WorkingDirectory, request.StderrPath));
    }

    /// <summary>A submission made by an earlier life of the server, which did not record its handle.</summary>
    public string Submit(string jobId, string workingDirectory) => Submit(jobId, workingDirectory, stderrPath: null);

    public string HandleOf(string jobId) => _scheduler.ByJob[jobId];

    public void Run(string jobId) => SubmissionOf(jobId).Started.TrySetResult(new ExecutionStatus(ExecutionState.Running));

    public void Finish(string jobId)
    {
        var submission = SubmissionOf(jobId);
        Directory.CreateDirectory(submission.WorkingDirectory);
        File.WriteAllText(Path.Combine(submission.WorkingDirectory, "out.txt"), "from the cluster\n");
        var status = new ExecutionStatus(ExecutionState.Succeeded, 0);
        submission.Started.TrySetResult(status);
        submission.Ended.TrySetResult(status);
    }

    /// <summary>Ends the job as its program would have: its stderr written where the request asked, its exit code reported.</summary>
    public void End(string jobId, int exitCode, string stderr)
    {
        var submission = SubmissionOf(jobId);
        if (submission.StderrPath is { } path)
        {
            File.WriteAllText(path, stderr);
        }

        var status = new ExecutionStatus(exitCode == 0 ? ExecutionState.Succeeded : ExecutionState.Failed, exitCode);
        submission.Started.TrySetResult(status);
        submission.Ended.TrySetResult(status);
    }

    public Task<ExecutionStatus> WaitForStartAsync(string handle, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken) =>
        _scheduler.ByHandle.TryGetValue(handle, out var submission)
            ? submission.Started.Task.WaitAsync(cancellationToken)
            : Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken) =>
        _scheduler.ByHandle.TryGetValue(handle, out var submission)
            ? submission.Ended.Task.WaitAsync(cancellationToken)
            : Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task CancelAsync(string handle, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue(handle);
        if (_scheduler.ByHandle.TryGetValue(handle, out var submission))
        {
            var status = new ExecutionStatus(ExecutionState.Cancelled, Message: $"{handle} ended CANCELLED");
            submission.Started.TrySetResult(status);
            submission.Ended.TrySetResult(status);
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindAsync(string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(_scheduler.ByJob.TryGetValue(jobId, out var handle) ? handle : null);

    public void Report(string handle, ExecutionCallbackEvent callbackEvent, int? exitCode)
    {
    }

    private string Submit(string jobId, string workingDirectory, string? stderrPath)
    {
        var handle = $"batch-{Interlocked.Increment(ref _scheduler.Next)}";
        _scheduler.ByHandle[handle] = new Submission(workingDirectory, stderrPath);
        _scheduler.ByJob[jobId] = handle;
        return handle;
    }

    private Submission SubmissionOf(string jobId) => _scheduler.ByHandle[_scheduler.ByJob[jobId]];

    /// <summary>What the scheduler remembers, whichever executor asks.</summary>
    private sealed class Scheduler
    {
        public readonly ConcurrentDictionary<string, Submission> ByHandle = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, string> ByJob = new(StringComparer.Ordinal);
        public int Next;
    }

    private sealed record Submission(string WorkingDirectory, string? StderrPath)
    {
        public TaskCompletionSource<ExecutionStatus> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<ExecutionStatus> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
