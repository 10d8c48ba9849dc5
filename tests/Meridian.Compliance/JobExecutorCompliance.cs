// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text;
using Meridian.Engine.Execution;
using Xunit;

namespace Meridian.Compliance;

/// <summary>
/// What every IJobExecutor must do: run an argv as given (no shell), keep stdout and stderr, report how it
/// ended, and stop a whole process tree on request. Each test works in its own temporary folder.
/// </summary>
public abstract class JobExecutorCompliance : ExecutorSuite<IJobExecutor>
{
    /// <summary>
    /// A guard against a hang, not a measure of speed: long enough for any start-up on a loaded machine, far
    /// shorter than the sleeps (300 s) a stop must cut short.
    /// </summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>A request that runs in folder/work and writes folder/stdout.txt and folder/stderr.txt.</summary>
    protected ExecutionRequest Request(string folder, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = Temp.Combine(folder);
        Directory.CreateDirectory(Path.Combine(root, "work"));
        return new ExecutionRequest(
            folder, arguments, Path.Combine(root, "work"), Path.Combine(root, "stdout.txt"), Path.Combine(root, "stderr.txt"),
            environment ?? new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
    }

    protected static string[] Shell(string script, params string[] arguments) => ["/bin/sh", "-c", script, "sh", .. arguments];

    protected async Task<ExecutionStatus> RunAsync(ExecutionRequest request) =>
        await Executor.WaitForExitAsync(await StartAsync(request), CancellationToken.None).WaitAsync(Patience);

    [Fact]
    public async Task WaitForExitAsync_ReportsSucceededAndKeepsOutput_WhenTheProgramExitsWithZero()
    {
        var request = Request("ok", Shell("echo to-stdout; echo to-stderr >&2"));

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("to-stdout\n", await File.ReadAllTextAsync(request.StdoutPath));
        Assert.Equal("to-stderr\n", await File.ReadAllTextAsync(request.StderrPath));
    }

    [Fact]
    public async Task WaitForExitAsync_ReportsFailedWithTheExitCode_WhenTheProgramExitsWithNonZero()
    {
        var request = Request("fail", Shell("echo half-done; echo 'bad input on line 3' >&2; exit 3"));

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Failed, status.State);
        Assert.Equal(3, status.ExitCode);
        Assert.Equal("bad input on line 3\n", await File.ReadAllTextAsync(request.StderrPath));
        Assert.Equal("half-done\n", await File.ReadAllTextAsync(request.StdoutPath));
    }

    [Fact]
    public async Task StartAsync_PassesEachArgumentLiterally_WhenValuesHoldShellSyntax()
    {
        var marker = Temp.Combine("pwned");
        string[] hostile =
        [
            "two words", "double \" and single ' quotes", "semi;colon && echo oops | cat", $"$(touch {marker})", $"`touch {marker}`",
            "line one\nline two", "unicode ✓ 東京 🔭", "*", "", "-n", "back\\slash", "{braces} $HOME ~",
        ];
        var request = Request("args", Shell("printf '%s\\0' \"$@\"", hostile));

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        var received = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(request.StdoutPath)).Split('\0')[..^1];
        Assert.Equal(hostile, received);
        Assert.False(File.Exists(marker), "a command substitution in a value must never run");
    }

    [Fact]
    public async Task StartAsync_RunsInTheWorkingDirectoryWithTheGivenEnvironment_WhenBothAreSet()
    {
        var request = Request("env", Shell("printf '%s' \"$MERIDIAN_PROBE\" > here.txt"), new Dictionary<string, string> { ["MERIDIAN_PROBE"] = "42 ✓" });

        var status = await RunAsync(request);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        Assert.Equal("42 ✓", await File.ReadAllTextAsync(Path.Combine(request.WorkingDirectory, "here.txt")));
    }

    [Theory]
    [InlineData("/nonexistent/meridian-no-such-program")]
    [InlineData("meridian-no-such-program-on-the-path")]
    public async Task StartAsync_ThrowsExecutionStartException_WhenTheProgramDoesNotExist(string program)
    {
        var request = Request("missing", [program, "--help"]);

        await Assert.ThrowsAsync<ExecutionStartException>(() => Executor.StartAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task GetStatusAsync_ReportsRunning_WhileTheProgramRuns()
    {
        // A batch scheduler starts a job on its next pass, not at submission: ask once the program is running.
        var pidFile = Temp.Combine("running.pid");
        var handle = await StartAsync(Request("running", Shell("echo $$ > \"$1\"; sleep 300", pidFile)));
        await ReadPidAsync(pidFile);

        var status = await Executor.GetStatusAsync(handle, CancellationToken.None);

        Assert.Equal(ExecutionState.Running, status.State);
        Assert.False(status.HasEnded);
    }

    [Fact]
    public async Task CancelAsync_EndsTheExecutionAsCancelledAndKillsItsChildren_WhenItIsRunning()
    {
        var pidFile = Temp.Combine("child.pid");
        var handle = await StartAsync(Request("cancel", Shell("sleep 300 & echo $! > \"$1\"; wait", pidFile)));
        var child = await ReadPidAsync(pidFile);
        var clock = Stopwatch.StartNew();

        await Executor.CancelAsync(handle, CancellationToken.None);
        var status = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExecutionState.Cancelled, status.State);
        Assert.True(clock.Elapsed < Patience, $"cancelling took {clock.Elapsed}");
        Assert.True(await HasEndedAsync(child), $"the child process {child} (sleep 300) must be killed with its parent");
    }

    [Fact]
    public async Task CancelAsync_DoesNothing_WhenTheExecutionHasEnded()
    {
        var request = Request("ended", Shell("echo done"));
        var handle = await StartAsync(request);
        var status = await Executor.WaitForExitAsync(handle, CancellationToken.None).WaitAsync(Patience);

        await Executor.CancelAsync(handle, CancellationToken.None);

        Assert.Equal(ExecutionState.Succeeded, status.State);
        Assert.Equal("done\n", await File.ReadAllTextAsync(request.StdoutPath));
    }

    [Fact]
    public async Task StartAsync_RunsExecutionsSideBySide_WhenTwoAreStartedAtOnce()
    {
        // Each waits (up to 60 s) for the other's marker: both succeed only if they really run at the same time.
        const string script = "touch \"$1\"; i=0; while [ ! -e \"$2\" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; [ -e \"$2\" ] && echo \"$3\"";
        string markA = Temp.Combine("a.mark"), markB = Temp.Combine("b.mark");
        var first = Request("first", Shell(script, markA, markB, "first"));
        var second = Request("second", Shell(script, markB, markA, "second"));

        var handles = new[] { await StartAsync(first), await StartAsync(second) };
        var statuses = await Task.WhenAll(handles.Select(h => Executor.WaitForExitAsync(h, CancellationToken.None))).WaitAsync(Patience * 2);

        Assert.NotEqual(handles[0], handles[1]);
        Assert.All(statuses, status => Assert.Equal(ExecutionState.Succeeded, status.State));
        Assert.Equal("first\n", await File.ReadAllTextAsync(first.StdoutPath));
        Assert.Equal("second\n", await File.ReadAllTextAsync(second.StdoutPath));
    }

    protected static async Task<int> ReadPidAsync(string path)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (File.Exists(path) && int.TryParse((await File.ReadAllTextAsync(path)).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the script did not write its child's pid to {path}");
    }

    /// <summary>Whether the process is gone; a zombie counts as gone (it runs nothing and waits for a reaper).</summary>
    protected static async Task<bool> HasEndedAsync(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            try
            {
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                if (stat[stat.LastIndexOf(')') + 2] is 'Z' or 'X')
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
