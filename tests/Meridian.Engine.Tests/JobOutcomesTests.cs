// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed class JobOutcomesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly JobWorkspace _workspace;
    private readonly Job _job = new() { Id = "job", Service = "tool", Phase = ExecutionPhase.EXECUTING, CreationTime = Now, ExecutionDuration = 90 };

    public JobOutcomesTests()
    {
        _workspace = new JobWorkspace(_temp.Path, "job");
        Directory.CreateDirectory(_workspace.Work);
    }

    public void Dispose() => _temp.Dispose();

    private PhaseChange Outcome(ExecutionState state, int? exitCode = null, StopReason? stop = null, string? startError = null) =>
        JobOutcomes.For(new ExecutionEnding(new ExecutionStatus(state, exitCode), stop, startError), _job, TestServices.Fake(), _workspace, Now);

    [Fact]
    public void For_CompletesWithResults_WhenTheProgramSucceeded()
    {
        File.WriteAllText(Path.Combine(_workspace.Work, "out.txt"), "42");

        var change = Outcome(ExecutionState.Succeeded, 0);

        Assert.Equal((ExecutionPhase.COMPLETED, Now, null), (change.Next, change.At, change.Error));
        Assert.Equal(new JobResult("out", Path.Combine("work", "out.txt"), "text/plain", 2), Assert.Single(change.Results!));
    }

    [Theory]
    [InlineData(3, "The program exited with code 3.")]
    [InlineData(137, "The program was killed by signal 9.")]
    [InlineData(139, "The program was killed by signal 11.")]
    public void For_EndsInFatalError_WhenTheProgramFailed(int exitCode, string message)
    {
        var change = Outcome(ExecutionState.Failed, exitCode);

        Assert.Equal(ExecutionPhase.ERROR, change.Next);
        Assert.Equal(new ErrorSummary(ErrorType.Fatal, message, HasDetail: false), change.Error);
    }

    [Fact]
    public void For_QuotesTheLastTenLinesOfStderr_WhenTheProgramFailedAndSaidWhy()
    {
        File.WriteAllLines(_workspace.Stderr, Enumerable.Range(1, 15).Select(i => $"line {i}"));

        var change = Outcome(ExecutionState.Failed, 1);

        Assert.True(change.Error?.HasDetail);
        var quoted = change.Error!.Message.Split(Environment.NewLine);
        Assert.Equal(["The program exited with code 1.", "Last lines of stderr:", .. Enumerable.Range(6, 10).Select(i => $"line {i}")], quoted);
    }

    [Fact]
    public void For_AbortsWithoutError_WhenTheClientAborted()
    {
        var change = Outcome(ExecutionState.Cancelled, 137, StopReason.Abort);

        Assert.Equal((ExecutionPhase.ABORTED, null), (change.Next, change.Error));
    }

    [Fact]
    public void For_AbortsNamingTheDuration_WhenTheJobRanOutOfTime()
    {
        var change = Outcome(ExecutionState.Cancelled, 137, StopReason.Timeout);

        Assert.Equal(ExecutionPhase.ABORTED, change.Next);
        Assert.StartsWith("The job exceeded its execution duration of 90 s", change.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_EndsInTransientError_WhenTheServerShutDown()
    {
        var change = Outcome(ExecutionState.Cancelled, 137, StopReason.Shutdown);

        Assert.Equal((ExecutionPhase.ERROR, ErrorType.Transient), (change.Next, change.Error?.Type));
    }

    [Fact]
    public void For_EndsInFatalError_WhenTheProgramCouldNotStart()
    {
        var change = Outcome(ExecutionState.Failed, startError: "could not start 'tool': No such file or directory");

        Assert.Equal("The program could not be started: could not start 'tool': No such file or directory", change.Error?.Message);
    }

    [Fact]
    public void For_EndsInTransientError_WhenTheExecutorLostTheExecution()
    {
        var change = Outcome(ExecutionState.Lost);

        Assert.Equal((ExecutionPhase.ERROR, ErrorType.Transient), (change.Next, change.Error?.Type));
    }

    [Theory]
    [InlineData(1, null, ExecutionPhase.COMPLETED)]
    [InlineData(2, null, ExecutionPhase.ERROR)]
    [InlineData(1, StopReason.Abort, ExecutionPhase.ABORTED)]
    [InlineData(1, StopReason.Timeout, ExecutionPhase.ABORTED)]
    public void For_CompletesOnAnExitCodeTheServiceCallsSuccess_WhenTheProgramEndedByItself(int exitCode, StopReason? stop, ExecutionPhase expected)
    {
        File.WriteAllText(Path.Combine(_workspace.Work, "out.txt"), "why it failed");
        File.WriteAllText(_workspace.Stderr, "cannot read the input\n");
        var service = TestServices.Fake() with { SuccessExitCodes = new HashSet<int> { 0, 1 }, ListStreams = false };

        var change = JobOutcomes.For(new ExecutionEnding(new ExecutionStatus(ExecutionState.Failed, exitCode), stop, null), _job, service, _workspace, Now);

        Assert.Equal(expected, change.Next);
        Assert.Equal(expected == ExecutionPhase.ERROR || stop == StopReason.Timeout, change.Error is not null);
        Assert.Equal(["out"], change.Results!.Select(r => r.Id));
    }
}
