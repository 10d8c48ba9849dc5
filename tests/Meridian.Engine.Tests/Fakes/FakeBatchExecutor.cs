// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Meridian.Engine.Execution;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>
/// A batch scheduler that runs nothing: each submission waits until the test runs it (Run) and ends it
/// (Finish). It counts submissions, refuses them while Unavailable, and finds a job's submission by job id.
/// </summary>
public sealed class FakeBatchExecutor : IBatchExecutor
{
    public const string ExecutorName = "batch";
    private readonly ConcurrentDictionary<string, Submission> _byHandle = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byJob = new(StringComparer.Ordinal);
    private int _next;
    private int _attempts;

    public string Name => ExecutorName;

    public bool Unavailable { get; set; }

    public int Submissions => _byHandle.Count;

    /// <summary>StartAsync calls, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public ConcurrentQueue<string> Cancelled { get; } = new();

    public Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Unavailable)
        {
            throw new ExecutorUnavailableException("the scheduler does not answer", TimeSpan.FromMilliseconds(50));
        }

        return Task.FromResult(Submit(request.JobId, request.WorkingDirectory));
    }

    /// <summary>A submission made by an earlier life of the server, which did not record its handle.</summary>
    public string Submit(string jobId, string workingDirectory)
    {
        var handle = $"batch-{Interlocked.Increment(ref _next)}";
        _byHandle[handle] = new Submission(workingDirectory);
        _byJob[jobId] = handle;
        return handle;
    }

    public string HandleOf(string jobId) => _byJob[jobId];

    public void Run(string jobId) => _byHandle[_byJob[jobId]].Started.TrySetResult(new ExecutionStatus(ExecutionState.Running));

    public void Finish(string jobId)
    {
        var submission = _byHandle[_byJob[jobId]];
        Directory.CreateDirectory(submission.WorkingDirectory);
        File.WriteAllText(Path.Combine(submission.WorkingDirectory, "out.txt"), "from the cluster\n");
        var status = new ExecutionStatus(ExecutionState.Succeeded, 0);
        submission.Started.TrySetResult(status);
        submission.Ended.TrySetResult(status);
    }

    public Task<ExecutionStatus> WaitForStartAsync(string handle, IProgress<ExecutionStatus>? pending, CancellationToken cancellationToken) =>
        _byHandle.TryGetValue(handle, out var submission)
            ? submission.Started.Task.WaitAsync(cancellationToken)
            : Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken) =>
        _byHandle.TryGetValue(handle, out var submission)
            ? submission.Ended.Task.WaitAsync(cancellationToken)
            : Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecutionStatus(ExecutionState.Lost));

    public Task CancelAsync(string handle, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue(handle);
        if (_byHandle.TryGetValue(handle, out var submission))
        {
            var status = new ExecutionStatus(ExecutionState.Cancelled, Message: $"{handle} ended CANCELLED");
            submission.Started.TrySetResult(status);
            submission.Ended.TrySetResult(status);
        }

        return Task.CompletedTask;
    }

    public Task<string?> FindAsync(string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(_byJob.TryGetValue(jobId, out var handle) ? handle : null);

    public void Report(string handle, ExecutionCallbackEvent callbackEvent, int? exitCode)
    {
    }

    private sealed record Submission(string WorkingDirectory)
    {
        public TaskCompletionSource<ExecutionStatus> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<ExecutionStatus> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
