// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Storage;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>Every phase change goes through PhaseWriter: the transition table, the compare-and-set, the waiters.</summary>
public sealed class PhaseWriterTests
{
    private static readonly DateTimeOffset At = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryMoveAsync_WritesAnAllowedChange_AndWakesTheJobsWaiters()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync("tool");
        var writer = new PhaseWriter(engine.Store, engine.Waiter, NullLogger.Instance);
        var woken = engine.Waiter.NextChange(job.Id);

        Assert.True(await writer.TryMoveAsync(job, new PhaseChange(ExecutionPhase.ABORTED, At), CancellationToken.None));

        Assert.True(woken.IsCompleted);
        Assert.Equal(ExecutionPhase.ABORTED, (await engine.GetAsync(job.Id)).Phase);
    }

    [Fact]
    public async Task TryMoveAsync_IsFalse_AndWakesNobody_WhenAnotherWriterMovedTheJobFirst()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync("tool");
        var writer = new PhaseWriter(engine.Store, engine.Waiter, NullLogger.Instance);
        Assert.True(await writer.TryMoveAsync(job, new PhaseChange(ExecutionPhase.ABORTED, At), CancellationToken.None));
        var woken = engine.Waiter.NextChange(job.Id);

        // The same PENDING job, as a second request read it before the abort.
        Assert.False(await writer.TryMoveAsync(job, new PhaseChange(ExecutionPhase.QUEUED, At), CancellationToken.None));

        Assert.False(woken.IsCompleted);
        Assert.Equal(ExecutionPhase.ABORTED, (await engine.GetAsync(job.Id)).Phase);
    }

    [Theory]
    [InlineData(ExecutionPhase.PENDING, ExecutionPhase.COMPLETED)]
    [InlineData(ExecutionPhase.COMPLETED, ExecutionPhase.EXECUTING)]
    [InlineData(ExecutionPhase.ABORTED, ExecutionPhase.QUEUED)]
    [InlineData(ExecutionPhase.QUEUED, ExecutionPhase.PENDING)]
    public async Task TryMoveAsync_Throws_ForAPairTheTransitionTableRefuses_AndWritesNothing(ExecutionPhase from, ExecutionPhase to)
    {
        var store = new InMemoryJobStore();
        var job = new Job { Id = JobId.New(), Service = "tool", Phase = from, CreationTime = At, ExecutionDuration = 60 };
        await store.CreateAsync(job, CancellationToken.None);
        var writer = new PhaseWriter(store, new PhaseWaiter(), NullLogger.Instance);

        var bug = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.TryMoveAsync(job, new PhaseChange(to, At), CancellationToken.None));

        Assert.Contains($"{from.ToWire()} → {to.ToWire()}", bug.Message);
        Assert.Equal(from, (await store.GetAsync(job.Id, CancellationToken.None))!.Phase);
    }
}
