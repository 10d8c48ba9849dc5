// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Tests.Fakes;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class JobManagerTests
{
    [Fact]
    public async Task CreateAsync_QueuesTheJobAndItCompletes_WhenPhaseIsRunBeforeTheServerHasLookedAtItsQueue()
    {
        // Until its first look at the queue, the server does not know that no job waits there: the job is queued.
        await using var engine = new EngineHarness();

        var job = await engine.CreateAsync("tool", ("PHASE", "RUN"));

        Assert.Equal(ExecutionPhase.QUEUED, job.Phase);
        Assert.Equal(EngineHarness.Start, job.QueuedTime);
        await engine.StartAsync();
        var done = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
        Assert.NotNull(done.StartTime);
        Assert.NotNull(done.EndTime);
        Assert.Null(done.Error);
        Assert.Equal(["out", "stdout"], done.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task CreateAsync_LeavesThePendingJobWithDefaults_WhenNoPhaseIsGiven()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();

        var job = await engine.CreateAsync("tool", ("RUNID", "my run"));

        Assert.Equal(ExecutionPhase.PENDING, (await engine.GetAsync(job.Id)).Phase);
        Assert.Equal("my run", job.RunId);
        Assert.Equal(600, job.ExecutionDuration);
        Assert.Equal(EngineHarness.Start.AddDays(7), job.Destruction);
        Assert.Equal("succeed", Assert.Single(job.Parameters).Values.Single());
        Assert.Empty(engine.Executor.Started);
    }

    [Fact]
    public async Task RunAsync_QueuesThePendingJob_WhenItIsPending()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        var job = await engine.CreateAsync();

        Assert.Null(await engine.Manager.RunAsync(job, CancellationToken.None));

        await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.COMPLETED);
    }

    [Theory]
    [InlineData(ExecutionPhase.COMPLETED)]
    [InlineData(ExecutionPhase.ERROR)]
    [InlineData(ExecutionPhase.ABORTED)]
    public async Task RunAsync_Refuses_WhenTheJobHasFinished(ExecutionPhase phase)
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(phase);

        var refusal = await engine.Manager.RunAsync(job, CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Contains(phase.ToWire(), refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(phase, (await engine.GetAsync(job.Id)).Phase);
    }

    [Theory]
    [InlineData(ExecutionPhase.PENDING)]
    [InlineData(ExecutionPhase.QUEUED)]
    public async Task AbortAsync_AbortsAtOnce_WhenTheJobHasNotStarted(ExecutionPhase phase)
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(phase);

        Assert.Null(await engine.Manager.AbortAsync(job, CancellationToken.None));

        var aborted = await engine.GetAsync(job.Id);
        Assert.Equal(ExecutionPhase.ABORTED, aborted.Phase);
        Assert.Equal(EngineHarness.Start, aborted.EndTime);
    }

    [Fact]
    public async Task AbortAsync_StopsTheExecutionAndEndsAborted_WhenTheJobIsExecuting()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        var executing = await engine.WaitForPhaseAsync(job.Id, ExecutionPhase.EXECUTING);
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");

        Assert.Null(await engine.Manager.AbortAsync(executing, CancellationToken.None));

        var aborted = await engine.GetAsync(job.Id);
        Assert.Equal(ExecutionPhase.ABORTED, aborted.Phase);
        Assert.Null(aborted.Error);
        Assert.Single(engine.Executor.Cancelled);
        Assert.Equal(0, engine.Executor.RunningCount);
    }

    [Theory]
    [InlineData(ExecutionPhase.COMPLETED)]
    [InlineData(ExecutionPhase.ERROR)]
    [InlineData(ExecutionPhase.ABORTED)]
    [InlineData(ExecutionPhase.ARCHIVED)]
    public async Task AbortAsync_Refuses_WhenTheJobHasFinished(ExecutionPhase phase)
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(phase);

        var refusal = await engine.Manager.AbortAsync(job, CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Equal(phase, (await engine.GetAsync(job.Id)).Phase);
    }

    [Fact]
    public async Task UpdateParametersAsync_ChangesOnlyTheGivenParameters_WhenTheJobIsPending()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync("tool", ("mode", "hang"));
        var update = ParameterBinder.BindUpdate(engine.Service(), [new FormField("mode", "FAIL")], []);

        Assert.Null(await engine.Manager.UpdateParametersAsync(engine.Service(), job, update, CancellationToken.None));

        Assert.Equal("fail", Assert.Single((await engine.GetAsync(job.Id)).Parameters).Values.Single());
    }

    [Theory]
    [InlineData(ExecutionPhase.QUEUED)]
    [InlineData(ExecutionPhase.EXECUTING)]
    [InlineData(ExecutionPhase.COMPLETED)]
    public async Task UpdateParametersAsync_RefusesAndKeepsThem_WhenTheJobIsNotPending(ExecutionPhase phase)
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(phase);
        var update = ParameterBinder.BindUpdate(engine.Service(), [new FormField("mode", "fail")], []);

        var refusal = await engine.Manager.UpdateParametersAsync(engine.Service(), job, update, CancellationToken.None);

        Assert.NotNull(refusal);
        Assert.Equal("succeed", (await engine.GetAsync(job.Id)).Parameters.Single().Values.Single());
    }

    [Theory]
    [InlineData("0", 3600)]
    [InlineData("100000", 3600)]
    [InlineData("30", 30)]
    public async Task CreateAsync_ClampsTheExecutionDurationToTheServiceMaximum_WhenOneIsRequested(string requested, int expected)
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync("tool", ("EXECUTIONDURATION", requested));

        Assert.Equal(expected, job.ExecutionDuration);
    }

    [Fact]
    public async Task SetExecutionDurationAsync_StoresTheServiceMaximum_WhenZeroIsAsked()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync();

        Assert.Null(await engine.Manager.SetExecutionDurationAsync(engine.Service(), job, 0, CancellationToken.None));

        Assert.Equal(3600, (await engine.GetAsync(job.Id)).ExecutionDuration);
    }

    [Fact]
    public async Task SetExecutionDurationAsync_Refuses_WhenTheJobIsQueued()
    {
        await using var engine = new EngineHarness();
        var job = await engine.SeedAsync(ExecutionPhase.QUEUED);

        Assert.NotNull(await engine.Manager.SetExecutionDurationAsync(engine.Service(), job, 10, CancellationToken.None));

        Assert.Equal(600, (await engine.GetAsync(job.Id)).ExecutionDuration);
    }

    [Fact]
    public async Task CreateAsync_ClampsTheDestructionToCreationPlusTheMaximum_WhenALaterOneIsRequested()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync("tool", ("DESTRUCTION", "2031-06-01T00:00:00Z"));

        Assert.Equal(EngineHarness.Start.AddDays(30), job.Destruction);
    }

    [Fact]
    public async Task SetDestructionAsync_ClampsToCreationPlusTheMaximum_WhenALaterOneIsRequested()
    {
        await using var engine = new EngineHarness();
        var job = await engine.CreateAsync();
        engine.Time.Advance(TimeSpan.FromDays(3));

        await engine.Manager.SetDestructionAsync(engine.Service(), job, EngineHarness.Start.AddYears(1), CancellationToken.None);
        Assert.Equal(EngineHarness.Start.AddDays(30), (await engine.GetAsync(job.Id)).Destruction);

        await engine.Manager.SetDestructionAsync(engine.Service(), job, EngineHarness.Start.AddDays(2), CancellationToken.None);
        Assert.Equal(EngineHarness.Start.AddDays(2), (await engine.GetAsync(job.Id)).Destruction);
    }

    [Fact]
    public async Task DestroyAsync_DeletesTheJobAndItsFolder_WhenTheJobHasFiles()
    {
        await using var engine = new EngineHarness();
        var upload = new FormUpload("catalog", "../../etc/stars.csv", 6, "text/csv", () => new MemoryStream(Encoding.UTF8.GetBytes("ra,dec")));
        var bound = ParameterBinder.BindCreation(engine.Service(), [], [upload]);
        var job = await engine.Manager.CreateAsync(engine.Service(), bound, null, CancellationToken.None);
        var folder = engine.Manager.Workspace(job.Id).Root;
        Assert.True(File.Exists(Path.Combine(folder, "inputs", "catalog.csv")), "the upload is stored in the job's folder under the parameter's name");

        Assert.True(await engine.Manager.DestroyAsync(job.Id, CancellationToken.None));

        Assert.False(Directory.Exists(folder), "the job's folder must be deleted with it");
        Assert.Null(await engine.Store.GetAsync(job.Id, CancellationToken.None));
        Assert.False(await engine.Manager.DestroyAsync(job.Id, CancellationToken.None));
    }

    [Fact]
    public async Task DestroyAsync_StopsTheExecutionFirst_WhenTheJobIsExecuting()
    {
        await using var engine = new EngineHarness();
        await engine.StartAsync();
        var job = await engine.CreateAsync("tool", ("mode", "hang"), ("PHASE", "RUN"));
        await engine.WaitUntilAsync(() => engine.Executor.RunningCount == 1, "the execution to start");

        Assert.True(await engine.Manager.DestroyAsync(job.Id, CancellationToken.None));

        Assert.Single(engine.Executor.Cancelled);
        Assert.Null(await engine.Store.GetAsync(job.Id, CancellationToken.None));
        Assert.False(Directory.Exists(engine.Manager.Workspace(job.Id).Root));
    }
}
