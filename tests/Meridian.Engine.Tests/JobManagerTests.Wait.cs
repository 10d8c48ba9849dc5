// SPDX-License-Identifier: MIT
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class JobManagerTests
{
    /// <summary>The fake clock never moves by itself, so a WAIT that blocks instead of returning would hit this.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(ExecutionPhase.COMPLETED)]
    [InlineData(ExecutionPhase.ERROR)]
    [InlineData(ExecutionPhase.ABORTED)]
    public async Task WaitAsync_ReturnsAtOnce_WhenTheJobHasFinished(ExecutionPhase phase)
    {
        var job = await _engine.SeedAsync(phase);

        var seen = await _engine.Manager.WaitAsync(job, 60, null, CancellationToken.None).WaitAsync(Prompt);

        Assert.Equal(phase, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsAtOnce_WhenThePhaseGuardDiffersFromThePhase()
    {
        var job = await _engine.SeedAsync(ExecutionPhase.PENDING);

        var seen = await _engine.Manager.WaitAsync(job, 60, ExecutionPhase.QUEUED, CancellationToken.None).WaitAsync(Prompt);

        Assert.Equal(ExecutionPhase.PENDING, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsPromptly_WhenThePhaseChangesDuringTheWait()
    {
        var job = await _engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = _engine.Manager.WaitAsync(job, 60, ExecutionPhase.PENDING, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "a WAIT on a PENDING job blocks until something happens");

        Assert.Null(await _engine.Manager.RunAsync(job, CancellationToken.None));

        var seen = await waiting.WaitAsync(Prompt);
        Assert.Equal(ExecutionPhase.QUEUED, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsTheUnchangedJob_WhenTheWaitTimeRunsOut()
    {
        var job = await _engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = _engine.Manager.WaitAsync(job, 30, null, CancellationToken.None);
        await _engine.WaitUntilAsync(() => _engine.Time.PendingTimers > 0, "the WAIT to set its timer");

        _engine.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "29 of 30 seconds have passed");
        _engine.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ExecutionPhase.PENDING, (await waiting.WaitAsync(Prompt))?.Phase);
    }

    [Fact]
    public async Task WaitAsync_WaitsTheConfiguredMaximum_WhenWaitIsMinusOne()
    {
        var job = await _engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = _engine.Manager.WaitAsync(job, -1, null, CancellationToken.None);
        await _engine.WaitUntilAsync(() => _engine.Time.PendingTimers > 0, "the WAIT to set its timer");

        _engine.Time.Advance(TimeSpan.FromSeconds(_engine.Options.MaxWaitSeconds - 1));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "WAIT=-1 blocks up to MaxWaitSeconds");
        _engine.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ExecutionPhase.PENDING, (await waiting.WaitAsync(Prompt))?.Phase);
    }
}
