// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task UsageAsync_CountsActiveAndStoredJobsOfTheOwnerOnly_AcrossServices()
    {
        foreach (var phase in new[] { ExecutionPhase.PENDING, ExecutionPhase.QUEUED, ExecutionPhase.EXECUTING, ExecutionPhase.HELD, ExecutionPhase.SUSPENDED })
        {
            await AddAsync(NewJob(phase, owner: "alice"));
        }

        await AddAsync(NewJob(ExecutionPhase.COMPLETED, owner: "alice", service: "other"));
        await AddAsync(NewJob(ExecutionPhase.ERROR, owner: "alice"));
        await AddAsync(NewJob(ExecutionPhase.PENDING, owner: "bob"));
        await AddAsync(NewJob(ExecutionPhase.PENDING));

        Assert.Equal(new OwnerUsage(5, 7, 0), await Store.UsageAsync("alice", CancellationToken.None));
        Assert.Equal(new OwnerUsage(1, 1, 0), await Store.UsageAsync("bob", CancellationToken.None));
        Assert.Equal(new OwnerUsage(1, 1, 0), await Store.UsageAsync(null, CancellationToken.None));
        Assert.Equal(new OwnerUsage(0, 0, 0), await Store.UsageAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task UsageAsync_SumsUploadAndResultBytes_AsTheyAreWrittenAndDeleted()
    {
        var upload = new JobParameter("in", ["inputs/in.dat"], new UploadedInput("inputs/in.dat", "in.dat", 100, null));
        var first = await AddAsync(NewJob(owner: "alice") with { Parameters = [upload, JobParameter.Scalar("n", "1")] });
        var second = await AddAsync(NewJob(ExecutionPhase.EXECUTING, owner: "alice"));
        Assert.Equal(100, (await Store.UsageAsync("alice", CancellationToken.None)).StoredBytes);

        Assert.True(await Store.TryUpdateParametersAsync(first.Id, [upload with { Upload = upload.Upload! with { Size = 250 } }], CancellationToken.None));
        Assert.True(await Store.TrySetPhaseAsync(second.Id, ExecutionPhase.EXECUTING,
            new PhaseChange(ExecutionPhase.COMPLETED, T0) { Results = [new JobResult("out", "out.txt", "text/plain", 40), new JobResult("log", "log.txt", "text/plain", 2)] },
            CancellationToken.None));
        Assert.Equal(new OwnerUsage(1, 2, 292), await Store.UsageAsync("alice", CancellationToken.None));

        Assert.True(await Store.DeleteAsync(first.Id, CancellationToken.None));
        Assert.Equal(new OwnerUsage(0, 1, 42), await Store.UsageAsync("alice", CancellationToken.None));
    }

    [Fact]
    public async Task UsageAsync_CountsResultsRecordedAfterAnAbort()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.ABORTED, owner: "alice"));

        Assert.True(await Store.TryRecordResultsAsync(job.Id, [new JobResult("out", "out.txt", "text/plain", 7)], CancellationToken.None));

        Assert.Equal(new OwnerUsage(0, 1, 7), await Store.UsageAsync("alice", CancellationToken.None));
    }
}
