// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;

namespace Meridian.Execution.Slurm.Tests;

public sealed class SlurmStateMapTests
{
    [Theory]
    [InlineData("PENDING", ExecutionState.Pending)]
    [InlineData("CONFIGURING", ExecutionState.Pending)]
    [InlineData("REQUEUED", ExecutionState.Pending)]
    [InlineData("RUNNING", ExecutionState.Running)]
    [InlineData("COMPLETING", ExecutionState.Running)]
    [InlineData("SUSPENDED", ExecutionState.Running)]
    [InlineData("COMPLETED", ExecutionState.Succeeded)]
    [InlineData("FAILED", ExecutionState.Failed)]
    [InlineData("OUT_OF_MEMORY", ExecutionState.Failed)]
    [InlineData("NODE_FAIL", ExecutionState.Failed)]
    [InlineData("BOOT_FAIL", ExecutionState.Failed)]
    [InlineData("DEADLINE", ExecutionState.Failed)]
    [InlineData("PREEMPTED", ExecutionState.Failed)]
    [InlineData("CANCELLED", ExecutionState.Cancelled)]
    [InlineData("CANCELLED by 0", ExecutionState.Cancelled)]
    [InlineData("TIMEOUT", ExecutionState.TimedOut)]
    [InlineData("SOMETHING_NEW", ExecutionState.Lost)]
    public void ToStatus_MapsTheSlurmState_WhateverItIs(string state, ExecutionState expected)
    {
        Assert.Equal(expected, SlurmStateMap.ToStatus(new SlurmJobInfo("42", state, 0, 0)).State);
    }

    [Theory]
    [InlineData("FAILED", 3, 0, 3, "SLURM job 42 ended FAILED with exit code 3")]
    [InlineData("OUT_OF_MEMORY", 0, 9, 137, "SLURM job 42 ended OUT_OF_MEMORY (killed by signal 9)")]
    [InlineData("NODE_FAIL", 0, 0, 0, "SLURM job 42 ended NODE_FAIL with exit code 0")]
    public void ToStatus_NamesTheStateAndTheExitCode_WhenTheJobFailed(string state, int exit, int signal, int expectedCode, string expectedMessage)
    {
        var status = SlurmStateMap.ToStatus(new SlurmJobInfo("42", state, exit, signal));

        Assert.Equal(ExecutionState.Failed, status.State);
        Assert.Equal(expectedCode, status.ExitCode);
        Assert.Equal(expectedMessage, status.Message);
    }

    [Fact]
    public void ToStatus_ReportsTimedOutWithAMessage_WhenSlurmStoppedTheJobAtItsTimeLimit()
    {
        var status = SlurmStateMap.ToStatus(new SlurmJobInfo("42", "TIMEOUT", 0, 15));

        Assert.Equal(ExecutionState.TimedOut, status.State);
        Assert.True(status.HasEnded);
        Assert.Equal(143, status.ExitCode);
        Assert.Equal("SLURM job 42 ended TIMEOUT: it reached its time limit and was stopped", status.Message);
    }

    [Fact]
    public void ToStatus_ReportsSucceededWithExitCodeZero_WhenTheJobCompleted()
    {
        var status = SlurmStateMap.ToStatus(new SlurmJobInfo("42", "COMPLETED", 0, 0));

        Assert.Equal(new ExecutionStatus(ExecutionState.Succeeded, 0, "SLURM job 42 ended COMPLETED with exit code 0"), status);
    }

    [Theory]
    [InlineData("Priority", "SLURM job 42 is PENDING (Priority)")]
    [InlineData("None", "SLURM job 42 is PENDING")]
    public void ToStatus_SaysWhyTheJobWaits_WhenSlurmGivesAReason(string reason, string expected)
    {
        var status = SlurmStateMap.ToStatus(new SlurmJobInfo("42", "PENDING", 0, 0, reason));

        Assert.Null(status.ExitCode);
        Assert.Equal(expected, status.Message);
    }

    [Fact]
    public void ToStatus_NamesTheUnknownState_WhenSlurmReportsOneThisMapDoesNotKnow()
    {
        var status = SlurmStateMap.ToStatus(new SlurmJobInfo("42", "SOMETHING_NEW"));

        Assert.Equal(ExecutionState.Lost, status.State);
        Assert.Contains("SOMETHING_NEW", status.Message, StringComparison.Ordinal);
    }
}
