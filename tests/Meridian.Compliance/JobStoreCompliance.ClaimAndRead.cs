// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Compliance;

/// <summary>A move that answers with the job as it left it: the claim loop's, which runs the job it took without reading it again.</summary>
public abstract partial class JobStoreCompliance
{
    [Fact]
    public async Task TrySetPhaseAndReadAsync_AnswersTheWholeJobAsTheMoveLeftIt()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED, owner: "alice") with
        {
            QueuedTime = T0,
            RunId = "run-7",
            Destruction = T0.AddDays(3),
            Parameters = [JobParameter.Scalar("n", "42"), JobParameter.Scalar("mode", "fast")],
        });

        var moved = await Store.TrySetPhaseAndReadAsync(job.Id, ExecutionPhase.QUEUED,
            new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(2)) { NodeId = "node-a" }, CancellationToken.None);

        Assert.NotNull(moved);
        Assert.Equal(ExecutionPhase.EXECUTING, moved.Phase);
        Assert.Equal(T0.AddSeconds(2), moved.StartTime);
        Assert.Equal("node-a", moved.NodeId);
        // What the answer says is what a read says.
        var stored = await ReloadAsync(job);
        Assert.Equal(stored.Phase, moved.Phase);
        Assert.Equal(stored.StartTime, moved.StartTime);
        Assert.Equal(stored.QueuedTime, moved.QueuedTime);
        Assert.Equal(stored.CreationTime, moved.CreationTime);
        Assert.Equal(stored.Destruction, moved.Destruction);
        Assert.Equal(stored.ExecutionDuration, moved.ExecutionDuration);
        Assert.Equal(stored.OwnerId, moved.OwnerId);
        Assert.Equal(stored.RunId, moved.RunId);
        Assert.Equal(stored.NodeId, moved.NodeId);
        Assert.Equal(stored.Parameters.Select(p => $"{p.Name}={string.Join(',', p.Values)}"), moved.Parameters.Select(p => $"{p.Name}={string.Join(',', p.Values)}"));
        Assert.Equal(["n=42", "mode=fast"], moved.Parameters.Select(p => $"{p.Name}={string.Join(',', p.Values)}"));
    }

    [Fact]
    public async Task TrySetPhaseAndReadAsync_AnswersNullAndChangesNothing_WhenAnotherWriterGotThereFirst()
    {
        var job = await AddAsync(NewJob(ExecutionPhase.QUEUED) with { QueuedTime = T0 });
        var first = await Store.TrySetPhaseAndReadAsync(job.Id, ExecutionPhase.QUEUED,
            new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(1)) { NodeId = "node-a" }, CancellationToken.None);

        var second = await Store.TrySetPhaseAndReadAsync(job.Id, ExecutionPhase.QUEUED,
            new PhaseChange(ExecutionPhase.EXECUTING, T0.AddSeconds(2)) { NodeId = "node-b" }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        var stored = await ReloadAsync(job);
        Assert.Equal("node-a", stored.NodeId);
        Assert.Equal(T0.AddSeconds(1), stored.StartTime);
        Assert.Null(await Store.TrySetPhaseAndReadAsync(JobId.New(), ExecutionPhase.QUEUED, new PhaseChange(ExecutionPhase.EXECUTING, T0), CancellationToken.None));
    }
}
