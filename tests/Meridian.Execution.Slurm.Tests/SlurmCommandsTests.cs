// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Meridian.Compliance;

namespace Meridian.Execution.Slurm.Tests;

/// <summary>
/// How commands are run and how their failures read, with small scripts standing in for the SLURM commands
/// (real processes; the real commands are exercised by SlurmExecutorTests). In the SLURM collection because
/// one test changes the process environment, which every process started meanwhile would inherit.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SubmitAsync_PassesTheArgumentsAndLeavesOutSlurmJwtAndServerSettings_WhenTheServerHasThem()
    {
        var sbatch = Fake("sbatch", $"printf '%s\\0' \"$@\" > '{_temp.Combine("argv")}'; env > '{_temp.Combine("env")}'; echo '4242;uwslocal'");
        Environment.SetEnvironmentVariable("SLURM_JWT", "");
        Environment.SetEnvironmentVariable("Meridian__Store__Password", "s3cret");
        try
        {
            var commands = new SlurmCommands(new SlurmExecutorOptions { SbatchPath = sbatch });

            var id = await commands.SubmitAsync("/jobs/x/slurm-job.sh", ["--job-name=meridian-x", "--chdir=/jobs/x work"], CancellationToken.None);

            Assert.Equal("4242", id);
            Assert.Equal(["--parsable", "--job-name=meridian-x", "--chdir=/jobs/x work", "/jobs/x/slurm-job.sh"], (await File.ReadAllTextAsync(_temp.Combine("argv"))).Split('\0')[..^1]);
            var environment = await File.ReadAllTextAsync(_temp.Combine("env"));
            Assert.DoesNotContain("SLURM_JWT", environment, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", environment, StringComparison.Ordinal);
            Assert.Equal(1, commands.Issued);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SLURM_JWT", null);
            Environment.SetEnvironmentVariable("Meridian__Store__Password", null);
        }
    }

    [Fact]
    public async Task SubmitAsync_ThrowsWithSlurmsMessage_WhenSbatchRefusesTheJob()
    {
        var sbatch = Fake("sbatch", "echo 'sbatch: error: Batch job submission failed: Job violates accounting/QOS policy' >&2; exit 1");
        var commands = new SlurmCommands(new SlurmExecutorOptions { SbatchPath = sbatch });

        var error = await Assert.ThrowsAsync<SlurmCommandException>(() => commands.SubmitAsync("/x.sh", [], CancellationToken.None));

        Assert.False(error.SchedulerUnreachable);
        Assert.Equal("sbatch: error: Batch job submission failed: Job violates accounting/QOS policy", error.StandardError);
        Assert.Contains("Job violates accounting/QOS policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueAsync_ThrowsSchedulerUnreachable_WhenTheControllerDoesNotAnswer()
    {
        var squeue = Fake("squeue", "echo 'slurm_load_jobs error: Unable to contact slurm controller (connect failure)' >&2; exit 1");
        var commands = new SlurmCommands(new SlurmExecutorOptions { SqueuePath = squeue });

        var error = await Assert.ThrowsAsync<SlurmCommandException>(() => commands.QueueAsync(["1", "2"], CancellationToken.None));

        Assert.True(error.SchedulerUnreachable);
    }

    [Fact]
    public async Task QueueAsync_ThrowsSchedulerUnreachable_WhenTheCommandOutlivesItsTimeout()
    {
        var squeue = Fake("squeue", "sleep 300");
        var commands = new SlurmCommands(new SlurmExecutorOptions { SqueuePath = squeue, CommandTimeout = TimeSpan.FromMilliseconds(300) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SlurmCommandException>(() => commands.QueueAsync(["1"], CancellationToken.None));

        Assert.True(error.SchedulerUnreachable);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the command was not cut short at its timeout: it took {clock.Elapsed}");
    }

    [Fact]
    public async Task CancelAsync_DoesNothing_WhenSlurmSaysTheJobHasEnded()
    {
        var scancel = Fake("scancel", "echo 'scancel: error: Kill job error on job id 5: Job/step already completing or completed' >&2; exit 1");
        var commands = new SlurmCommands(new SlurmExecutorOptions { ScancelPath = scancel });

        await commands.CancelAsync("5", CancellationToken.None);

        Assert.Equal(1, commands.Issued);
    }

    [Fact]
    public async Task QueueAsync_ThrowsSayingSlurmIsMissing_WhenTheCommandDoesNotExist()
    {
        var commands = new SlurmCommands(new SlurmExecutorOptions { SqueuePath = "/nonexistent/squeue" });

        var error = await Assert.ThrowsAsync<SlurmCommandException>(() => commands.QueueAsync(["1"], CancellationToken.None));

        Assert.Contains("/nonexistent/squeue", error.Message, StringComparison.Ordinal);
        Assert.False(error.SchedulerUnreachable);
    }

    /// <summary>An executable script named like the command it stands in for.</summary>
    [Fact]
    public async Task FindByNameAsync_KeepsOnlyTheNamedJob_WhenTheCompletionLogAnswersWithEveryJob()
    {
        // jobcomp/filetxt ignores sacct's --name: the lines of other jobs must not be taken for the one asked for.
        var squeue = Fake("squeue", "true");
        var sacct = Fake("sacct", "printf '41|meridian-other\\n42|meridian-wanted\\n43|meridian-newest\\n'");
        var commands = new SlurmCommands(new SlurmExecutorOptions { SqueuePath = squeue, SacctPath = sacct });

        Assert.Equal("42", await commands.FindByNameAsync("meridian-wanted", CancellationToken.None));
        Assert.Null(await commands.FindByNameAsync("meridian-never-submitted", CancellationToken.None));
    }

    private string Fake(string name, string body)
    {
        var path = _temp.Combine(name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
