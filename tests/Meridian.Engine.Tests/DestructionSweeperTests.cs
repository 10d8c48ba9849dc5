// SPDX-License-Identifier: MIT
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed class DestructionSweeperTests
{
    [Fact]
    public async Task SweepAsync_DestroysExpiredJobsAndTheirFolders_WhenTheirDestructionHasPassed()
    {
        await using var engine = new EngineHarness();
        var expired = await engine.CreateAsync("tool", ("DESTRUCTION", "2030-01-02T00:00:00Z"));
        var kept = await engine.CreateAsync("tool", ("DESTRUCTION", "2030-01-05T00:00:00Z"));
        Directory.CreateDirectory(engine.Manager.Workspace(expired.Id).Work);
        var sweeper = new DestructionSweeper(engine.Store, engine.Manager, Microsoft.Extensions.Options.Options.Create(engine.Options), engine.Time, NullLogger<DestructionSweeper>.Instance);
        engine.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await sweeper.SweepAsync(CancellationToken.None));

        Assert.Null(await engine.Store.GetAsync(expired.Id, CancellationToken.None));
        Assert.False(Directory.Exists(engine.Manager.Workspace(expired.Id).Root));
        Assert.Equal(ExecutionPhase.PENDING, (await engine.GetAsync(kept.Id)).Phase);
    }
}
