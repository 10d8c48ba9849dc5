// SPDX-License-Identifier: MIT
using System.Diagnostics;

using Xunit;

namespace Meridian.Compliance;

/// <summary>
/// Makes sure a real SLURM answers before the tests that need it: when sinfo fails or shows no idle node,
/// it runs shared/tools/slurm-single-node.sh start (as root) and waits for an idle node. When that cannot
/// be had, every test of the collection fails with the reason (they are never skipped).
/// </summary>
public sealed class SlurmCluster : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(120);

    public async Task InitializeAsync()
    {
        var (ready, state) = await ProbeAsync();
        if (ready)
        {
            return;
        }

        var script = FindScript();
        var log = Path.Combine(Path.GetTempPath(), $"meridian-slurm-start-{Environment.ProcessId}.log");
        // The daemons the script starts inherit every open descriptor: without this they would hold on for
        // ever to whatever this test run inherited (the shared build lock that `flock` holds, pipes).
        const string detached = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done 2>/dev/null; "
            + "exec bash \"$0\" start </dev/null >\"$1\" 2>&1";
        var (exitCode, _) = await RunAsync("bash", ["-c", detached, script, log], StartTimeout);
        var output = File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no output)";
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"SLURM is not running ({state}) and '{script} start' failed with exit code {exitCode} (it must run as root):\n{Tail(output)}");
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < IdleTimeout)
        {
            (ready, state) = await ProbeAsync();
            if (ready)
            {
                return;
            }

            await Task.Delay(1000);
        }

        throw new InvalidOperationException($"'{script} start' ran, but no SLURM node became idle within {IdleTimeout.TotalSeconds} s ({state}):\n{Tail(output)}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Whether sinfo answers with an idle (or partly used) node, and what it said.</summary>
    private static async Task<(bool Ready, string State)> ProbeAsync()
    {
        var (exitCode, output) = await RunAsync("sinfo", ["--noheader", "--Node", "--format=%T"], TimeSpan.FromSeconds(15));
        var states = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ready = exitCode == 0 && states.Any(state => state is "idle" or "mixed");
        return (ready, exitCode == 0 ? $"node states: {string.Join(", ", states)}" : $"sinfo: {output.Trim()}");
    }

    /// <summary>shared/tools/slurm-single-node.sh, found by walking up from the test binaries (the repository sits beside 'shared').</summary>
    private static string FindScript()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "tools", "slurm-single-node.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No shared/tools/slurm-single-node.sh above {AppContext.BaseDirectory}: the repository should sit beside a 'shared' folder.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("SLURM_JWT");
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} did not finish within {timeout.TotalSeconds} s");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, $"{program}: {exception.Message}");
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(15));
}
