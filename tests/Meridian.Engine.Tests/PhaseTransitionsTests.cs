// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;
using static Meridian.Protocol.ExecutionPhase;

namespace Meridian.Engine.Tests;

public sealed class PhaseTransitionsTests
{
    /// <summary>The UWS 1.1 state diagram (§2.1.3, figure 1), written out independently of the table under test.</summary>
    private static readonly HashSet<(ExecutionPhase, ExecutionPhase)> Expected =
    [
        (PENDING, QUEUED), (PENDING, ABORTED), (PENDING, ERROR),
        (QUEUED, EXECUTING), (QUEUED, ABORTED), (QUEUED, ERROR),
        (EXECUTING, COMPLETED), (EXECUTING, ERROR), (EXECUTING, ABORTED), (EXECUTING, SUSPENDED), (EXECUTING, HELD),
        (HELD, QUEUED), (HELD, EXECUTING),
        (SUSPENDED, EXECUTING),
        (COMPLETED, ARCHIVED), (ERROR, ARCHIVED), (ABORTED, ARCHIVED),
    ];

    public static TheoryData<ExecutionPhase, ExecutionPhase> AllPairs()
    {
        var data = new TheoryData<ExecutionPhase, ExecutionPhase>();
        foreach (var from in Enum.GetValues<ExecutionPhase>())
        {
            foreach (var to in Enum.GetValues<ExecutionPhase>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsAllowed_MatchesTheUwsDiagram_ForEveryPairOfPhases(ExecutionPhase from, ExecutionPhase to)
    {
        Assert.True(
            PhaseTransitions.IsAllowed(from, to) == Expected.Contains((from, to)),
            $"{from} -> {to} should be {(Expected.Contains((from, to)) ? "allowed" : "refused")}");
    }

    [Theory]
    [InlineData(PENDING, false)]
    [InlineData(QUEUED, false)]
    [InlineData(EXECUTING, false)]
    [InlineData(COMPLETED, true)]
    [InlineData(ERROR, true)]
    [InlineData(ABORTED, true)]
    [InlineData(UNKNOWN, false)]
    [InlineData(HELD, false)]
    [InlineData(SUSPENDED, false)]
    [InlineData(ARCHIVED, true)]
    public void IsTerminal_IsTrueOnlyForFinalPhases_ForEveryPhase(ExecutionPhase phase, bool terminal)
    {
        Assert.Equal(terminal, PhaseTransitions.IsTerminal(phase));
    }
}
