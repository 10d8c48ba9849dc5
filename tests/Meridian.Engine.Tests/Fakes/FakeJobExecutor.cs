// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Meridian.Engine.Execution;

namespace Meridian.Engine.Tests.Fakes;

/// <summary>
/// An executor that runs nothing. The second argument says what the "program" does: succeed (writes
/// stdout), fail (writes stderr, exits 2), or hang (runs until released or cancelled). It records what
/// was started, in order, and the most executions it ever had at once, per program (argv[0]).
/// </summary>
public sealed class FakeJobExecutor : IJobExecutor
{
    public const string ExecutorName = "fake";
    private readonly ConcurrentDictionary<string, Execution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _started = new();
    private readonly ConcurrentQueue<string> _cancelled = new();
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _peak = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _next;
    private int _peakTotal;

    public string Name => ExecutorName;

    /// <summary>When set, the handle is the job's id, as the local executor's is.</summary>
    public bool HandleIsJobId { get; set; }

    /// <summary>Job ids in the order their executions started.</summary>
    public IReadOnlyList<string> Started => [.. _started];

    /// <summary>Handles CancelAsync was called with.</summary>
    public IReadOnlyList<string> Cancelled => [.. _cancelled];

    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Values.Sum();
            }
        }
    }

    public int Peak(string program)
    {
        lock (_gate)
        {
            return _peak.GetValueOrDefault(program);
        }
    }

    public int PeakTotal
    {
        get
        {
            lock (_gate)
            {
                return _peakTotal;
            }
        }
    }

    public Task<string> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var program = request.Arguments[0];
        var mode = request.Arguments.Count > 1 ? request.Arguments[1] : "succeed";
        if (mode == "unstartable")
        {
            throw new ExecutionStartException($"could not start '{program}': No such file or directory", new FileNotFoundException());
        }

        var handle = HandleIsJobId ? request.JobId : $"fake-{Interlocked.Increment(ref _next)}";
        var execution = new Execution(program);
        lock (_gate)
        {
            _running[program] = _running.GetValueOrDefault(program) + 1;
            _peak[program] = Math.Max(_peak.GetValueOrDefault(program), _running[program]);
            _peakTotal = Math.Max(_peakTotal, _running.Values.Sum());
        }

        _executions[handle] = execution;
        _started.Enqueue(request.JobId);
        switch (mode)
        {
            case "succeed":
                File.WriteAllText(request.StdoutPath, "all good\n");
                File.WriteAllText(Path.Combine(request.WorkingDirectory, "out.txt"), "result\n");
                Finish(execution, new ExecutionStatus(ExecutionState.Succeeded, 0));
                break;
            case "fail":
                File.WriteAllText(request.StderrPath, "reading input\nerror: the catalog has no RA column\n");
                Finish(execution, new ExecutionStatus(ExecutionState.Failed, 2));
                break;
        }

        return Task.FromResult(handle);
    }

    public Task<ExecutionStatus> WaitForExitAsync(string handle, CancellationToken cancellationToken) =>
        _executions[handle].Status.Task.WaitAsync(cancellationToken);

    public Task<ExecutionStatus> GetStatusAsync(string handle, CancellationToken cancellationToken) =>
        Task.FromResult(_executions.TryGetValue(handle, out var execution)
            ? execution.Status.Task.IsCompleted ? execution.Status.Task.Result : new ExecutionStatus(ExecutionState.Running)
            : new ExecutionStatus(ExecutionState.Lost));

    public Task CancelAsync(string handle, CancellationToken cancellationToken)
    {
        _cancelled.Enqueue(handle);
        if (_executions.TryGetValue(handle, out var execution))
        {
            Finish(execution, new ExecutionStatus(ExecutionState.Cancelled, 137));
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets every hanging execution end successfully.</summary>
    public void ReleaseAll()
    {
        foreach (var execution in _executions.Values)
        {
            Finish(execution, new ExecutionStatus(ExecutionState.Succeeded, 0));
        }
    }

    private void Finish(Execution execution, ExecutionStatus status)
    {
        lock (_gate)
        {
            if (execution.Status.TrySetResult(status))
            {
                _running[execution.Program]--;
            }
        }
    }

    private sealed class Execution(string program)
    {
        public string Program { get; } = program;
        public TaskCompletionSource<ExecutionStatus> Status { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
