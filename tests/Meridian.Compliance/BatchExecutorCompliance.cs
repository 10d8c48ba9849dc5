// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Xunit;

namespace Meridian.Compliance;

/// <summary>
/// What every IBatchExecutor must do beyond running a command: report when the scheduler starts a job, end it
/// with its exit code and stderr, cancel it whether it waits or runs, and find a job's submission again by job
/// id from a new executor (the server restarted), then follow it to its end. Each job is held: its program
/// waits for a release file, so that a test decides when it ends.
/// </summary>
public abstract class BatchExecutorCompliance : ExecutorSuite<IBatchExecutor>
{
    /// <summary>A guard against a hang, not a measure of speed: far longer than any scheduler pass on a loaded machine.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A new executor for the same scheduler, as the server builds it again after a restart.</summary>
    protected abstract IBatchExecutor CreateRestartedExecutor();

    /// <summary>Lets the scheduler start the job; a real scheduler does so on its own pass.</summary>
    protected virtual void LetRun(HeldJob job)
    {
    }

    /// <summary>Lets the held program end: the real one reads the release file (its stderr) and exits with the code asked for.</summary>
    protected virtual void Release(HeldJob job)
    {
        var pending = job.ReleaseFile + ".part";
        File.WriteAllText(pending, job.Stderr);
        File.Move(pending, job.ReleaseFile);
    }

    /// <summary>
    /// A job whose program waits (up to 5 minutes) for its release file, copies it to
    /// stderr and exits with <paramref name="exitCode"/>. Its id is new, so no earlier submission has it.
    /// </summary>
    protected HeldJob Held(int exitCode = 0, string stderr = "")
    {
        var jobId = "held-" + Guid.NewGuid().ToString("N")[..12];
        var root = Temp.Combine(jobId);
        Directory.CreateDirectory(Path.Combine(root, "work"));
        var release = Path.Combine(root, "release");
        const string script = "i=0; while [ ! -e \"$1\" ] && [ $i -lt 3000 ]; do sleep 0.1; i=$((i+1)); done; cat \"$1\" >&2; exit \"$2\"";
        var request = new ExecutionRequest(
            jobId, ["/bin/sh", "-c", script, "sh", release, $"{exitCode}"], Path.Combine(root, "work"),
            Path.Combine(root, "stdout.txt"), Path.Combine(root, "stderr.txt"), new Dictionary<string, string>(), TimeSpan.FromMinutes(10));
        return new HeldJob(request, release, exitCode, stderr);
    }

    protected Task<string> SubmitAsync(HeldJob job) => StartAsync(job.Request);

    [Fact]
    public async Task WaitForStartAsync_CompletesRunning_WhenTheSchedulerStartsTheJob()
    {
        var job = Held();
        var handle = await SubmitAsync(job);

        LetRun(job);
        var started = await Executor.WaitForStartAsync(handle, null, CancellationToken.None).WaitAsync(Patience);
        Release(job);
        var ended = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Running, started.State);
        Assert.False(started.HasEnded);
        Assert.Equal(ExecutionState.Succeeded, ended.State);
        Assert.Equal(0, ended.ExitCode);
    }

    [Fact]
    public async Task WaitForExitAsync_ReportsFailedWithTheExitCodeAndKeepsStderr_WhenTheJobFails()
    {
        var job = Held(exitCode: 3, stderr: "bad input on line 3\n");
        var handle = await SubmitAsync(job);

        LetRun(job);
        await Executor.WaitForStartAsync(handle, null, CancellationToken.None).WaitAsync(Patience);
        Release(job);
        var ended = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(3, ended.ExitCode);
        Assert.Equal("bad input on line 3\n", await File.ReadAllTextAsync(job.Request.StderrPath));
    }

    [Fact]
    public async Task CancelAsync_EndsTheJobAsCancelled_WhileItRuns()
    {
        var job = Held();
        var handle = await SubmitAsync(job);
        LetRun(job);
        Assert.Equal(ExecutionState.Running, (await Executor.WaitForStartAsync(handle, null, CancellationToken.None).WaitAsync(Patience)).State);

        await Executor.CancelAsync(handle, CancellationToken.None);
        var ended = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Cancelled, ended.State);
    }

    [Fact]
    public async Task CancelAsync_EndsTheJobAsCancelledAndEndsTheWaitForItsStart_WhenCancelledRightAfterSubmission()
    {
        var job = Held();
        var handle = await SubmitAsync(job);

        await Executor.CancelAsync(handle, CancellationToken.None);
        var start = await Executor.WaitForStartAsync(handle, null, CancellationToken.None).WaitAsync(Patience);
        var ended = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        // A scheduler may have started the job before the cancel reached it: the wait for its start ends either way.
        Assert.Contains(start.State, new[] { ExecutionState.Running, ExecutionState.Cancelled });
        Assert.Equal(ExecutionState.Cancelled, ended.State);
    }

    [Fact]
    public async Task FindAsync_ReturnsTheSubmissionsHandle_FromAnExecutorBuiltAfterARestart()
    {
        var job = Held();
        var handle = await SubmitAsync(job);

        var restarted = CreateRestartedExecutor();
        var found = await restarted.FindAsync(job.JobId, CancellationToken.None);

        Assert.Equal(handle, found);
    }

    [Fact]
    public async Task FindAsync_ReturnsNull_WhenTheJobWasNeverSubmitted()
    {
        var found = await Executor.FindAsync(Held().JobId, CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task WaitForExitAsync_FollowsAnAdoptedJobToItsEnd_WhenANewExecutorFoundIt()
    {
        var job = Held(exitCode: 4, stderr: "adopted and failed\n");
        await SubmitAsync(job);
        var restarted = CreateRestartedExecutor();
        var handle = await restarted.FindAsync(job.JobId, CancellationToken.None);
        Assert.NotNull(handle);

        LetRun(job);
        var started = await restarted.WaitForStartAsync(handle, null, CancellationToken.None).WaitAsync(Patience);
        Release(job);
        var ended = await restarted.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Running, started.State);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(4, ended.ExitCode);
        Assert.Equal("adopted and failed\n", await File.ReadAllTextAsync(job.Request.StderrPath));
    }
}
