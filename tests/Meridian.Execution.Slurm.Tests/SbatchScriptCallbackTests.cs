// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Meridian.Compliance;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;

namespace Meridian.Execution.Slurm.Tests;

/// <summary>
/// The script's reports to Meridian, run by the real /bin/sh with a stand-in for curl that records its
/// arguments and what it reads from the secret's file; and the service's requirements laid over the defaults.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SbatchScriptCallbackTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Render_ReportsTheStartThenTheProgramsExitCode_AndExitsWithIt()
    {
        var (exitCode, calls) = await RunWithCallbackAsync(["/bin/sh", "-c", "echo running >> calls.log; exit 3"]);

        Assert.Equal(3, exitCode);
        Assert.Equal(
            [
                "https://meridian.example/executions/job/started?handle=4711 secret=s3cr3t",
                "running",
                "https://meridian.example/executions/job/ended?handle=4711&exit=3 secret=s3cr3t",
            ],
            calls);
    }

    [Fact]
    public async Task Render_KeepsTheJobGoing_WhenTheReportsCannotBeSent()
    {
        var script = SbatchScript.Render(Request(["/bin/sh", "-c", "echo ran > ran.txt"]), new SlurmExecutorOptions { CallbackCommand = "/nonexistent/curl" });

        var exitCode = await RunAsync(script);

        Assert.Equal(0, exitCode);
        Assert.Equal("ran\n", await File.ReadAllTextAsync(_temp.Combine("ran.txt")));
    }

    [Fact]
    public void Render_NeverPutsTheSecretOnACommandLine()
    {
        var script = SbatchScript.Render(Request(["/bin/true"]), new SlurmExecutorOptions());

        Assert.DoesNotContain("s3cr3t", script.Text, StringComparison.Ordinal);
        Assert.Contains($"--data-binary @'{_temp.Combine("callback.secret")}'", script.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_LaysTheServicesRequirementsOverTheServerDefaults()
    {
        var defaults = new SlurmExecutorOptions { Partition = "normal", CpusPerTask = 1, Memory = "1G", Account = "default", ExtraOptions = { "--qos=low" } };

        var merged = defaults.For(new BatchRequirements { Partition = "gpu", Memory = "8G", ExtraOptions = ["--qos=high", "--gres=gpu:1"] });

        Assert.Equal(("gpu", 1, "8G", "default"), (merged.Partition, merged.CpusPerTask, merged.Memory, merged.Account));
        Assert.Equal(["--qos=low", "--qos=high", "--gres=gpu:1"], merged.ExtraOptions);
        Assert.Same(defaults, defaults.For(null));
    }

    private ExecutionRequest Request(IReadOnlyList<string> arguments)
    {
        var secret = _temp.Combine("callback.secret");
        File.WriteAllText(secret, "s3cr3t");
        return new ExecutionRequest("job", arguments, _temp.Path, _temp.Combine("stdout.txt"), _temp.Combine("stderr.txt"), new Dictionary<string, string>(), null)
        {
            Callback = new ExecutionCallback("https://meridian.example/executions/job/", secret),
        };
    }

    private async Task<(int ExitCode, string[] Calls)> RunWithCallbackAsync(IReadOnlyList<string> arguments)
    {
        var curl = _temp.Combine("fake-curl");
        var log = _temp.Combine("calls.log");
        // The last argument is the URL; the one after --data-binary names the secret's file (@path).
        await File.WriteAllTextAsync(curl, $$"""
            #!/bin/sh
            for last; do :; done
            while [ $# -gt 0 ]; do
                if [ "$1" = --data-binary ]; then file=${2#@}; fi
                shift
            done
            echo "$last secret=$(cat "$file")" >> '{{log}}'
            """);
        File.SetUnixFileMode(curl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var exitCode = await RunAsync(SbatchScript.Render(Request(arguments), new SlurmExecutorOptions { CallbackCommand = curl }));
        return (exitCode, await File.ReadAllLinesAsync(log));
    }

    private async Task<int> RunAsync(SbatchScript script)
    {
        var path = _temp.Combine(SbatchScript.FileName);
        await File.WriteAllTextAsync(path, script.Text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Read by /bin/sh rather than executed: a file just written cannot be exec'd while another test's fork
        // still holds it open (ETXTBSY), and sbatch too hands the script to its interpreter.
        var start = new ProcessStartInfo("/bin/sh", [path]) { WorkingDirectory = _temp.Path };
        start.Environment["SLURM_JOB_ID"] = "4711";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
