// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Xunit;

namespace Meridian.Compliance;

/// <summary>
/// What the executor suites share: a new executor and a temporary folder per test, and every execution a test
/// started cancelled at its end, so that nothing it left runs on (or waits in a scheduler) after it.
/// </summary>
public abstract class ExecutorSuite<TExecutor> : IAsyncLifetime, IDisposable
    where TExecutor : class, IJobExecutor
{
    private readonly List<string> _handles = [];
    private readonly TempDirectory _temp = new();
    private TExecutor? _executor;

    /// <summary>A new executor; called once per test.</summary>
    protected abstract TExecutor CreateExecutor();

    protected TExecutor Executor => _executor ??= CreateExecutor();

    protected TempDirectory Temp => _temp;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var handle in _handles)
        {
            await Executor.CancelAsync(handle, CancellationToken.None);
        }
    }

    /// <summary>Runs after DisposeAsync has stopped whatever the test left running.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _temp.Dispose();
        }
    }

    /// <summary>Starts the execution and keeps its handle, to be cancelled when the test ends.</summary>
    protected async Task<string> StartAsync(ExecutionRequest request)
    {
        var handle = await Executor.StartAsync(request, CancellationToken.None);
        _handles.Add(handle);
        return handle;
    }
}
