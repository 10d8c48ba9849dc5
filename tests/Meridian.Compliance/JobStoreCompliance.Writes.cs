// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task TryUpdateParametersAsync_ReplacesTheParameters_WhenTheJobIsPending()
    {
        var job = await AddAsync(NewJob() with { Parameters = [JobParameter.Scalar("a", "1"), JobParameter.Scalar("b", "2")] });
        IReadOnlyList<JobParameter> replacement = [JobParameter.Scalar("a", "10"), new JobParameter("list", ["x", "y"])];

        Assert.True(await Store.TryUpdateParametersAsync(job.Id, replacement, CancellationToken.None));

        AssertSameJob(job with { Parameters = replacement }, await ReloadAsync(job));
    }

    [Theory]
    [InlineData(ExecutionPhase.QUEUED)]
    [InlineData(ExecutionPhase.EXECUTING)]
    [InlineData(ExecutionPhase.COMPLETED)]
    public async Task TryUpdateParametersAsync_ReturnsFalseAndKeepsThem_WhenTheJobIsNotPending(ExecutionPhase phase)
    {
        var job = await AddAsync(NewJob(phase) with { Parameters = [JobParameter.Scalar("a", "1")] });

        Assert.False(await Store.TryUpdateParametersAsync(job.Id, [JobParameter.Scalar("a", "2")], CancellationToken.None));

        AssertSameJob(job, await ReloadAsync(job));
    }

    [Fact]
    public async Task TrySetExecutionDurationAsync_SetsIt_WhenTheJobIsPending()
    {
        var job = await AddAsync(NewJob());

        Assert.True(await Store.TrySetExecutionDurationAsync(job.Id, 42, CancellationToken.None));

        Assert.Equal(42, (await ReloadAsync(job)).ExecutionDuration);
    }

    [Theory]
    [InlineData(ExecutionPhase.QUEUED)]
    [InlineData(ExecutionPhase.ABORTED)]
    public async Task TrySetExecutionDurationAsync_ReturnsFalseAndKeepsIt_WhenTheJobIsNotPending(ExecutionPhase phase)
    {
        var job = await AddAsync(NewJob(phase));

        Assert.False(await Store.TrySetExecutionDurationAsync(job.Id, 42, CancellationToken.None));

        Assert.Equal(job.ExecutionDuration, (await ReloadAsync(job)).ExecutionDuration);
    }

    [Theory]
    [InlineData(ExecutionPhase.PENDING)]
    [InlineData(ExecutionPhase.EXECUTING)]
    [InlineData(ExecutionPhase.COMPLETED)]
    public async Task TrySetDestructionAsync_SetsIt_WhateverThePhase(ExecutionPhase phase)
    {
        var job = await AddAsync(NewJob(phase) with { Destruction = T0.AddDays(7) });

        Assert.True(await Store.TrySetDestructionAsync(job.Id, T0.AddDays(1), CancellationToken.None));

        Assert.Equal(T0.AddDays(1), (await ReloadAsync(job)).Destruction);
    }

    [Fact]
    public async Task TrySetDestructionAsync_ReturnsFalse_WhenTheJobDoesNotExist()
    {
        Assert.False(await Store.TrySetDestructionAsync(JobId.New(), T0, CancellationToken.None));
    }

    [Fact]
    public async Task TrySetExecutorHandleAsync_RecordsIt_WhenTheJobIsExecuting()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { StartTime = T0 });

        Assert.True(await Store.TrySetExecutorHandleAsync(job.Id, "1234:5678", CancellationToken.None));

        Assert.Equal("1234:5678", (await ReloadAsync(job)).ExecutorHandle);
    }

    [Theory]
    [InlineData(ExecutionPhase.PENDING)]
    [InlineData(ExecutionPhase.ABORTED)]
    [InlineData(ExecutionPhase.COMPLETED)]
    public async Task TrySetExecutorHandleAsync_ReturnsFalse_WhenTheJobIsNeitherQueuedNorExecuting(ExecutionPhase phase)
    {
        var job = await AddAsync(NewJob(phase));

        Assert.False(await Store.TrySetExecutorHandleAsync(job.Id, "1234:5678", CancellationToken.None));

        Assert.Null((await ReloadAsync(job)).ExecutorHandle);
    }

    [Fact]
    public async Task DeleteAsync_ReturnsTrueThenFalse_WhenTheSameJobIsDeletedTwice()
    {
        var job = await AddAsync(NewJob());
        var other = await AddAsync(NewJob());

        Assert.True(await Store.DeleteAsync(job.Id, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(job.Id, CancellationToken.None));

        Assert.Null(await Store.GetAsync(job.Id, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync(other.Id, CancellationToken.None));
    }
}
