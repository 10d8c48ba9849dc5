// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm.Tests;

public sealed class SlurmOutputTests
{
    [Fact]
    public void ParseQueue_SplitsTheWaitStatusIntoExitCodeAndSignal_WhenJobsHaveEnded()
    {
        const string output = "1|COMPLETED|0|None\n2|FAILED|768|NonZeroExitCode\n3|CANCELLED|15|None\n4|PENDING|0|ReqNodeNotAvail, UnavailableNodes:vm|x\n";

        var jobs = SlurmOutput.ParseQueue(output);

        Assert.Equal(
            [
                new SlurmJobInfo("1", "COMPLETED", 0, 0, "None"), new SlurmJobInfo("2", "FAILED", 3, 0, "NonZeroExitCode"),
                new SlurmJobInfo("3", "CANCELLED", 0, 15, "None"), new SlurmJobInfo("4", "PENDING", 0, 0, "ReqNodeNotAvail, UnavailableNodes:vm|x"),
            ],
            jobs);
    }

    [Fact]
    public void ParseQueue_ReturnsNothing_WhenTheOutputIsEmpty()
    {
        Assert.Empty(SlurmOutput.ParseQueue("\n"));
    }

    [Fact]
    public void ParseAccounting_KeepsTheLastRecordOfEachJobAndSkipsSteps_WhenTheLogHoldsSeveral()
    {
        const string output = "7|COMPLETED|0:0\n7.batch|COMPLETED|0:0\n8|FAILED|3:0\n7|CANCELLED by 0|0:15\n";

        var jobs = SlurmOutput.ParseAccounting(output);

        Assert.Equal(2, jobs.Count);
        Assert.Equal(new SlurmJobInfo("7", "CANCELLED by 0", 0, 15), jobs["7"]);
        Assert.Equal(new SlurmJobInfo("8", "FAILED", 3, 0), jobs["8"]);
    }
}
