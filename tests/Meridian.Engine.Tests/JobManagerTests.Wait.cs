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
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(phase);

        var seen = await engine.Manager.WaitAsync(job, 60, null, CancellationToken.None).WaitAsync(Prompt);

        Assert.Equal(phase, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsAtOnce_WhenThePhaseGuardDiffersFromThePhase()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.PENDING);

        var seen = await engine.Manager.WaitAsync(job, 60, ExecutionPhase.QUEUED, CancellationToken.None).WaitAsync(Prompt);

        Assert.Equal(ExecutionPhase.PENDING, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsPromptly_WhenThePhaseChangesDuringTheWait()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = engine.Manager.WaitAsync(job, 60, ExecutionPhase.PENDING, CancellationToken.None);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "a WAIT on a PENDING job blocks until something happens");

        Assert.Null(await engine.Manager.RunAsync(job, CancellationToken.None));

        var seen = await waiting.WaitAsync(Prompt);
        Assert.Equal(ExecutionPhase.QUEUED, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_ReturnsTheUnchangedJob_WhenTheWaitTimeRunsOut()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = engine.Manager.WaitAsync(job, 30, null, CancellationToken.None);
        await engine.WaitUntilAsync(() => engine.Time.PendingTimers > 0, "the WAIT to set its timer");

        engine.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "29 of 30 seconds have passed");
        engine.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ExecutionPhase.PENDING, (await waiting.WaitAsync(Prompt))?.Phase);
    }

    [Fact]
    public async Task WaitAsync_WaitsTheConfiguredMaximum_WhenWaitIsMinusOne()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = engine.Manager.WaitAsync(job, -1, null, CancellationToken.None);
        await engine.WaitUntilAsync(() => engine.Time.PendingTimers > 0, "the WAIT to set its timer");

        engine.Time.Advance(TimeSpan.FromSeconds(engine.Options.MaxWaitSeconds - 1));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "WAIT=-1 blocks up to MaxWaitSeconds");
        engine.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ExecutionPhase.PENDING, (await waiting.WaitAsync(Prompt))?.Phase);
    }

    [Fact]
    public async Task WaitAsync_AnswersAtOnceWithTheJobAsItIsNow_WhenItChangedAfterItWasRead()
    {
        await using var engine = new EngineHarness();
        var asRead = await engine.SeedAsync(ExecutionPhase.PENDING);
        var generation = engine.Manager.Generation(asRead.Id);
        Assert.Null(await engine.Manager.RunAsync(asRead, CancellationToken.None));

        var seen = await engine.Manager.WaitAsync(asRead, 60, null, CancellationToken.None, generation).WaitAsync(Prompt);

        Assert.Equal(ExecutionPhase.QUEUED, seen?.Phase);
    }

    [Fact]
    public async Task WaitAsync_BlocksUntilTheNextChange_WhenNothingChangedSinceTheJobWasRead()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.PENDING);
        var waiting = engine.Manager.WaitAsync(job, 60, null, CancellationToken.None, engine.Manager.Generation(job.Id));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "nothing changed: the WAIT blocks");

        Assert.Null(await engine.Manager.RunAsync(job, CancellationToken.None));

        Assert.Equal(ExecutionPhase.QUEUED, (await waiting.WaitAsync(Prompt))?.Phase);
    }
}
