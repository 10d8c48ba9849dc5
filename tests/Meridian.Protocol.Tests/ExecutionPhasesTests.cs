// SPDX-License-Identifier: MIT
using Xunit;

namespace Meridian.Protocol.Tests;

public sealed class ExecutionPhasesTests
{
    [Fact]
    public void TryParse_ReadsBackEveryWireName_WhenSpelledAsTheStandardSpellsIt()
    {
        foreach (var phase in Enum.GetValues<ExecutionPhase>())
        {
            Assert.True(ExecutionPhases.TryParse(phase.ToWire(), out var parsed));
            Assert.Equal(phase, parsed);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("queued")]
    [InlineData("Queued")]
    [InlineData("1")]
    [InlineData(" QUEUED")]
    [InlineData("RUN")]
    public void TryParse_ReturnsFalse_WhenTheNameIsNotExactlyAPhase(string? text)
    {
        Assert.False(ExecutionPhases.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Throws_WhenAStoredPhaseIsCorrupt()
    {
        Assert.Throws<FormatException>(() => ExecutionPhases.Parse("DONE"));
    }

    [Theory]
    [InlineData(ExecutionPhase.PENDING, true)]
    [InlineData(ExecutionPhase.QUEUED, true)]
    [InlineData(ExecutionPhase.EXECUTING, true)]
    [InlineData(ExecutionPhase.COMPLETED, false)]
    [InlineData(ExecutionPhase.HELD, false)]
    [InlineData(ExecutionPhase.SUSPENDED, false)]
    public void IsActive_IsTrueOnlyWhileAWaitMayBlock_ForEachPhase(ExecutionPhase phase, bool active)
    {
        Assert.Equal(active, phase.IsActive());
    }
}
