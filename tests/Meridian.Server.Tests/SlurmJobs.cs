// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Meridian.Compliance;

namespace Meridian.Server.Tests;

/// <summary>What the real SLURM says about the batch jobs of a Meridian job, asked the way an operator would.</summary>
public static class SlurmJobs
{
    public static string ServicesDirectory => Path.Combine(AppContext.BaseDirectory, "SlurmServices");

    /// <summary>The SLURM jobs named after a Meridian job (id and state), from squeue (it keeps ended jobs for MinJobAge).</summary>
    public static async Task<IReadOnlyList<(string Id, string State)>> ByMeridianJobAsync(string jobUrl)
    {
        var output = await RunAsync("squeue", "--noheader", "--states=all", $"--name=meridian-{JobFiles.JobId(jobUrl)}", "--Format=JobID:0|,State:0");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(fields => (fields[0], fields[1]))
            .ToList();
    }

    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SLURM_JWT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {await error}");
        return await output;
    }
}

[CollectionDefinition(Name)]
public sealed class SlurmServerCollection : ICollectionFixture<SlurmCluster>
{
    /// <summary>Servers whose services run on the real single-node SLURM, one test after another.</summary>
    public const string Name = "slurm-server";
}
