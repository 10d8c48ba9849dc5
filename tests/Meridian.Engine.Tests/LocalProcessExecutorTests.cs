// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Execution;
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
}
