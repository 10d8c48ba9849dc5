// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm.Tests;

public sealed class SlurmOutputTests
{
    [Fact]
    public void ParseQueue_SplitsTheWaitStatusIntoExitCodeAndSignal_WhenJobsHaveEnded()
    {
        const string output = "1|COMPLETED|0|2026-11-22T03:00:00|None\n2|FAILED|768|N/A|NonZeroExitCode\n3|CANCELLED|15|N/A|None\n4|PENDING|0|N/A|ReqNodeNotAvail, UnavailableNodes:vm|x\n";

        var jobs = SlurmOutput.ParseQueue(output);

        Assert.Equal(
            [
                new SlurmJobInfo("1", "COMPLETED", 0, 0, "None") { StartTime = new DateTimeOffset(new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Local)) }, new SlurmJobInfo("2", "FAILED", 3, 0, "NonZeroExitCode"),
                new SlurmJobInfo("3", "CANCELLED", 0, 15, "None"), new SlurmJobInfo("4", "PENDING", 0, 0, "ReqNodeNotAvail, UnavailableNodes:vm|x"),
            ],
            jobs);
    }

    [Fact]
    public void ParseQueue_ReadsTheExpectedStartOfAPendingJob_InTheLocalTimeZone()
    {
        var job = Assert.Single(SlurmOutput.ParseQueue("9|PENDING|0|2026-12-01T08:30:00|BeginTime\n"));

        Assert.Equal(new DateTimeOffset(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Local)), job.StartTime);
        Assert.Equal(job.StartTime, SlurmStateMap.ToStatus(job).ExpectedStart);
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
