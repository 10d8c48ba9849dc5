// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed class LocalProcessExecutorTests : JobExecutorCompliance
{
    protected override IJobExecutor CreateExecutor() => new LocalProcessExecutor();

    [Fact]
    public async Task StartAsync_HidesTheServersOwnSettings_WhenTheyAreInItsEnvironment()
    {
        Environment.SetEnvironmentVariable("Meridian__Store__Password", "s3cret");
        try
        {
            var request = Request("secrets", Shell("printf '%s' \"${Meridian__Store__Password-unset}\""));

            var status = await RunAsync(request);

            Assert.Equal(ExecutionState.Succeeded, status.State);
            Assert.Equal("unset", await File.ReadAllTextAsync(request.StdoutPath));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Meridian__Store__Password", null);
        }
    }

    [Fact]
    public async Task GetStatusAsync_ReportsLost_WhenTheHandleNamesNoProcess()
    {
        var status = await Executor.GetStatusAsync("999999999:1", CancellationToken.None);

        Assert.Equal(ExecutionState.Lost, status.State);
    }

    [Fact]
    public async Task CancelAsync_KillsEveryProcessOfTheJob_WhenAServerBeforeThisOneStartedIt()
    {
        // The executor that started the job stands for a server that died; a new one stands for the server restarted.
        // The job's shell still runs, with a child and a grandchild whose parent has exited, as a daemon's would have.
        var jobId = JobId.New();
        var pids = Temp.Combine("pids");
        var earlier = new LocalProcessExecutor();
        var handle = await earlier.StartAsync(Request(jobId,
            Shell("sleep 300 & echo $! > \"$1.child\"; (sleep 300 & echo $! > \"$1.grandchild\"); echo $$ > \"$1\"; wait", pids)), CancellationToken.None);
        var shell = await ReadPidAsync(pids);
        int child = await ReadPidAsync(pids + ".child"), grandchild = await ReadPidAsync(pids + ".grandchild");
        var restarted = new LocalProcessExecutor();

        var before = await restarted.GetStatusAsync(handle, CancellationToken.None);
        await restarted.CancelAsync(handle, CancellationToken.None);

        Assert.Equal(jobId, handle);
        Assert.Equal("the process outlived the server that started it", before.Message);
        foreach (var (pid, what) in new[] { (shell, "shell"), (child, "child"), (grandchild, "grandchild") })
        {
            Assert.True(await HasEndedAsync(pid), $"the job's {what} ({pid}) was left running");
        }

        Assert.Equal("no such process", (await restarted.GetStatusAsync(handle, CancellationToken.None)).Message);
        Assert.True((await earlier.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience)).HasEnded);
    }

    [Fact]
    public async Task StartAsync_MarksTheProcessWithTheJobId_EvenWhenTheRequestSetsTheVariable()
    {
        var request = Request("marked", Shell("printf '%s' \"$MERIDIAN_JOB_ID\""), new Dictionary<string, string> { ["MERIDIAN_JOB_ID"] = "another" });

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        Assert.Equal("marked", await File.ReadAllTextAsync(request.StdoutPath));
    }
}
