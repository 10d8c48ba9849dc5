// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    private Task<bool> SetPhaseAsync(Job job, ExecutionPhase expected, PhaseChange change) =>
        Store.TrySetPhaseAsync(job.Id, expected, change, CancellationToken.None);

    [Fact]
    public async Task TrySetPhaseAsync_ReturnsFalseAndChangesNothing_WhenTheExpectedPhaseIsWrong()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.PENDING));
        var change = new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(5))
        {
            Results = [new JobResult("r", "work/r", "text/plain", 1)],
            Error = new ErrorSummary(ErrorType.Fatal, "no", false),
            ExecutorHandle = "h",
        };

        Assert.False(await SetPhaseAsync(job, ExecutionPhase.QUEUED, change));

        AssertSameJob(job, await ReloadAsync(job));
    }

    [Fact]
    public async Task TrySetPhaseAsync_ReturnsFalse_WhenTheJobDoesNotExist()
    {
        Assert.False(await Store.TrySetPhaseAsync(JobId.New(), ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0), CancellationToken.None));
    }

    [Fact]
    public async Task TrySetPhaseAsync_SetsQueuedTime_WhenTheJobEntersQueued()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.PENDING));

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.QUEUED, T0.AddSeconds(1))));

        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.QUEUED, stored.Phase);
        Assert.Equal(T0.AddSeconds(1), stored.QueuedTime);
        Assert.Null(stored.StartTime);
        Assert.Null(stored.EndTime);
    }

    [Fact]
    public async Task TrySetPhaseAsync_SetsStartTimeAndHandle_WhenTheJobEntersExecuting()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0 });

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(2)) { ExecutorHandle = "h-1" }));

        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.EXECUTING, stored.Phase);
        Assert.Equal(T0, stored.QueuedTime);
        Assert.Equal(T0.AddSeconds(2), stored.StartTime);
        Assert.Null(stored.EndTime);
        Assert.Equal("h-1", stored.ExecutorHandle);
    }

    [Fact]
    public async Task TrySetPhaseAsync_KeepsTheFirstStartTime_WhenASuspendedJobResumes()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { StartTime = T0 });
        Assert.True(await SetPhaseAsync(job, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.SUSPENDED, T0.AddSeconds(1))));

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.SUSPENDED, new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(9))));

        Assert.Equal(T0, (await ReloadAsync(job)).StartTime);
    }

    [Fact]
    public async Task TrySetPhaseAsync_SetsEndTimeAndResults_WhenTheJobCompletes()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { StartTime = T0, ExecutorHandle = "h" });
        IReadOnlyList<JobResult> results = [new JobResult("out", "work/out.csv", "text/csv", 42), new JobResult("stdout", "stdout.txt", "text/plain", 7)];

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.COMPLETED, T0.AddSeconds(3)) { Results = results }));

        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.COMPLETED, stored.Phase);
        Assert.Equal(T0.AddSeconds(3), stored.EndTime);
        Assert.Equal(results, stored.Results);
        Assert.Null(stored.Error);
        Assert.True(stored.ExecutorHandle == "h", "a change that names no handle keeps the one stored");
    }

    [Fact]
    public async Task TrySetPhaseAsync_SetsEndTimeAndError_WhenTheJobFails()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.EXECUTING) with { StartTime = T0 });
        var error = new ErrorSummary(ErrorType.Fatal, "The program exited with code 3.", HasDetail: true);

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.EXECUTING, new PhaseChange(ExecutionPhase.ERROR, T0.AddSeconds(4)) { Error = error }));

        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.ERROR, stored.Phase);
        Assert.Equal(T0.AddSeconds(4), stored.EndTime);
        Assert.Equal(error, stored.Error);
    }

    [Fact]
    public async Task TrySetPhaseAsync_SetsEndTime_WhenAPendingJobIsAborted()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.PENDING));

        Assert.True(await SetPhaseAsync(job, ExecutionPhase.PENDING, new PhaseChange(ExecutionPhase.ABORTED, T0.AddSeconds(1))));

        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.ABORTED, stored.Phase);
        Assert.Equal(T0.AddSeconds(1), stored.EndTime);
        Assert.Null(stored.StartTime);
    }

    [Fact]
    public async Task TrySetPhaseAsync_LetsExactlyOneWriterWin_WhenTwentyClaimTheSameJobAtOnce()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0 });
        using var start = new ManualResetEventSlim();
        var claims = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await SetPhaseAsync(job, ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(i)) { ExecutorHandle = $"h{i}" });
        })).ToList();

        start.Set();
        var outcomes = await Task.WhenAll(claims);

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = Array.IndexOf(outcomes, true);
        var stored = await ReloadAsync(job);
        Assert.Equal(ExecutionPhase.EXECUTING, stored.Phase);
        Assert.True(stored.ExecutorHandle == $"h{winner}", "the stored job must be the winner's write, not a loser's");
    }
}
