// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text;
using Meridian.Compliance;
using Meridian.Engine.Execution;
using Xunit.Abstractions;

namespace Meridian.Execution.Slurm.Tests;

/// <summary>The executor compliance suite and SLURM's own facts, against the real single-node SLURM.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmExecutorTests(ITestOutputHelper output) : JobExecutorCompliance
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override IJobExecutor CreateExecutor() => new SlurmExecutor(Options());

    private static SlurmExecutorOptions Options() => new() { ReconciliationInterval = Interval };

    [Fact]
    public async Task StartAsync_ThrowsExecutionStartExceptionWithSlurmsReason_WhenThePartitionDoesNotExist()
    {
        var executor = new SlurmExecutor(new SlurmExecutorOptions { Partition = "meridian-no-such-partition" });

        var error = await Assert.ThrowsAsync<ExecutionStartException>(() => executor.StartAsync(Request("refused", ["true"]), CancellationToken.None));

        Assert.Contains("Invalid partition name specified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForExitAsync_FollowsTheJobToItsEnd_WhenANewExecutorReattachesToIt()
    {
        var request = Request("reattach", Shell("sleep 3; echo finished"));
        var handle = await StartAsync(request);

        var restarted = new SlurmExecutor(Options());
        var before = await restarted.GetStatusAsync(handle, CancellationToken.None);
        var after = await restarted.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience * 2);

        Assert.Contains(before.State, new[] { ExecutionState.Pending, ExecutionState.Running });
        Assert.Equal(ExecutionState.Succeeded, after.State);
        Assert.Equal("finished\n", await File.ReadAllTextAsync(request.StdoutPath));
        Assert.Equal(ExecutionState.Succeeded, (await restarted.GetStatusAsync(handle, CancellationToken.None)).State);
    }

    [Fact]
    public async Task WaitForExitAsync_IssuesFewerThanThreeSchedulerCommandsPerJob_WhenTenShortJobsRunAtOnce()
    {
        const int jobs = 10;
        var options = Options();
        var commands = new SlurmCommands(options);
        var executor = new SlurmExecutor(options, commands: commands);
        var clock = Stopwatch.StartNew();

        var handles = new List<string>();
        for (var i = 0; i < jobs; i++)
        {
            handles.Add(await executor.StartAsync(Request($"many{i}", Shell("echo \"$1\"", $"job {i}")), CancellationToken.None));
        }

        var statuses = await Task.WhenAll(handles.Select(handle => executor.WaitForExitAsync(handle, CancellationToken.None))).WaitAsync(TimeSpan.FromSeconds(90));
        var perJob = (double)commands.Issued / jobs;
        output.WriteLine($"{commands.Issued} scheduler commands for {jobs} jobs ({perJob:0.0} per job, sbatch included) in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.All(statuses, status => Assert.Equal(ExecutionState.Succeeded, status.State));
        Assert.True(perJob < 3, $"{commands.Issued} scheduler commands for {jobs} jobs");
    }

    [Fact]
    public async Task NotifyEnded_EndsTheWaitLongBeforeTheNextReconciliation_WhenTheJobHasEnded()
    {
        var executor = new SlurmExecutor(new SlurmExecutorOptions { ReconciliationInterval = TimeSpan.FromMinutes(5) });
        var marker = Temp.Combine("last-words");
        var handle = await executor.StartAsync(Request("notified", Shell("echo bye > \"$1\"", marker)), CancellationToken.None);
        var waiting = executor.WaitForExitAsync(handle, CancellationToken.None);
        await WaitForFileAsync(marker);
        var clock = Stopwatch.StartNew();

        executor.NotifyEnded(handle);
        var status = await waiting.WaitAsync(Patience);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        output.WriteLine($"NotifyEnded to the end of the wait: {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task NotifyEnded_EndsTheWaitAtOnce_WhenTheNotificationCameBeforeTheWait()
    {
        var executor = new SlurmExecutor(new SlurmExecutorOptions { ReconciliationInterval = TimeSpan.FromMinutes(5) });
        var marker = Temp.Combine("early-words");
        var handle = await executor.StartAsync(Request("early", Shell("echo bye > \"$1\"", marker)), CancellationToken.None);
        await WaitForFileAsync(marker);

        executor.NotifyEnded(handle);
        var status = await executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Succeeded, status.State);
    }

    [Fact]
    public async Task GetStatusAsync_ReportsRunning_OnceSlurmHasStartedTheJob()
    {
        var pidFile = Temp.Combine("started.pid");
        var handle = await StartAsync(Request("started", Shell("echo $$ > \"$1\"; exec sleep 30", pidFile)));
        await WaitForFileAsync(pidFile);

        var status = await Executor.GetStatusAsync(handle, CancellationToken.None);

        Assert.Equal(ExecutionState.Running, status.State);
        Assert.Contains($"SLURM job {handle} is RUNNING", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_EndsTheExecutionAsCancelled_WhenTheJobIsStillPending()
    {
        var options = Options();
        options.ExtraOptions.Add("--begin=now+3600");
        var executor = new SlurmExecutor(options);
        var request = Request("pending", Shell("echo ran"));
        var handle = await executor.StartAsync(request, CancellationToken.None);

        var before = await executor.GetStatusAsync(handle, CancellationToken.None);
        await executor.CancelAsync(handle, CancellationToken.None);
        var after = await executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Pending, before.State);
        // SLURM gives the pending reason it evaluated last (Resources, Priority, then BeginTime): the state is what counts.
        Assert.Contains($"SLURM job {handle} is PENDING", before.Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionState.Cancelled, after.State);
        Assert.False(File.Exists(request.StdoutPath), "a job cancelled before it started must not have run");
    }

    [Fact]
    public async Task GetStatusAsync_ReportsLost_WhenSlurmKnowsNoSuchJob()
    {
        var unknown = await Executor.GetStatusAsync("987654321", CancellationToken.None);
        var notAnId = await Executor.GetStatusAsync("12; scancel --user=root", CancellationToken.None);

        Assert.Equal(ExecutionState.Lost, unknown.State);
        Assert.Contains("987654321", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionState.Lost, notAnId.State);
    }

    [Fact]
    public async Task StartAsync_PassesValuesLiterally_WhenTheyHoldSbatchDirectivesCarriageReturnsOrPercentSigns()
    {
        string[] hostile = ["x\n#SBATCH --partition=meridian-no-such-partition", "dos\r\nline", "100%j %% %x", "#SBATCH --time=0"];
        var request = Request("directives%j", Shell("printf '%s\\0' \"$@\" \"$PROBE\"", hostile), new Dictionary<string, string> { ["PROBE"] = "\n#SBATCH --mem=1T\r" });

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        Assert.EndsWith("directives%j/stdout.txt", request.StdoutPath, StringComparison.Ordinal);
        var received = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(request.StdoutPath)).Split('\0')[..^1];
        Assert.Equal([.. hostile, "\n#SBATCH --mem=1T\r"], received);
    }

    [Fact]
    public async Task StartAsync_SubmitsTheRenderedTimeLimit_WhenTheRequestHasOne()
    {
        var request = Request("limited", ["sleep", "30"]) with { TimeLimit = TimeSpan.FromSeconds(61) };

        var handle = await StartAsync(request);
        var script = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(request.WorkingDirectory)!, SbatchScript.FileName));

        Assert.Contains("exec 'sleep' '30'\n", script, StringComparison.Ordinal);
        Assert.Equal("00:02:00", await ScontrolFieldAsync(handle, "TimeLimit"));
    }

    private static async Task WaitForFileAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            Assert.True(clock.Elapsed < Patience, $"{path} did not appear within {Patience}");
            await Task.Delay(50);
        }
    }

    /// <summary>One field of scontrol show job, read for a job whose name this test chose (so no field can be forged).</summary>
    private static async Task<string> ScontrolFieldAsync(string jobId, string field)
    {
        var info = new ProcessStartInfo("scontrol") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("show");
        info.ArgumentList.Add("job");
        info.ArgumentList.Add(jobId);
        info.Environment.Remove("SLURM_JWT");
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var start = text.IndexOf($" {field}=", StringComparison.Ordinal) + field.Length + 2;
        return text[start..].Split(' ', '\n')[0];
    }
}
