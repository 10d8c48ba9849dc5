// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;

namespace Meridian.Bench;

/// <summary>
/// What no job server can beat on this machine, measured in the same run: starting a process, one HTTP request
/// over loopback, and the two together with a job's folder and output files (<see cref="FloorServer"/>). Meridian's figures are read as multiples of these.
/// </summary>
internal static class Floors
{
    /// <summary>fork/exec of /bin/true and waiting for it, as .NET does it (Process.Start + WaitForExit).</summary>
    public static async Task<LoopResult> ForkExecAsync(int warmUp, int count, TimeSpan budget, CancellationToken cancellationToken)
    {
        static Task RunTrue(CancellationToken _)
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })
                ?? throw new BenchException("/bin/true did not start");
            process.WaitForExit();
            return process.ExitCode == 0 ? Task.CompletedTask : throw new BenchException($"/bin/true exited with {process.ExitCode}");
        }

        await Loops.SequentialAsync(warmUp, budget, RunTrue, cancellationToken);
        return await Loops.SequentialAsync(count, budget, RunTrue, cancellationToken);
    }

    /// <summary>GET / answered "ok" by the bare Kestrel of the floor server, through the same kind of client the bench uses.</summary>
    public static async Task<LoopResult> HttpRoundTripAsync(FloorProcess floor, int warmUp, int count, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(floor.BaseAddress);

        async Task GetOk(CancellationToken token)
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative), token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK || body != "ok")
            {
                throw new BenchException($"the floor endpoint answered {(int)response.StatusCode} '{body}'");
            }
        }

        await Loops.SequentialAsync(warmUp, budget, GetOk, cancellationToken);
        return await Loops.SequentialAsync(count, budget, GetOk, cancellationToken);
    }

    /// <summary>
    /// POST /run of the floor server, one after the other: a job's least cost end to end (a request, a folder, a
    /// fork/exec with its output piped to files, the answer), with the floor server's CPU per job.
    /// </summary>
    public static async Task<(LoopResult Result, double CpuMs)> PostAndForkAsync(FloorProcess floor, int warmUp, int count, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(floor.BaseAddress);

        async Task Run(CancellationToken token)
        {
            using var response = await client.PostAsync(new Uri("/run", UriKind.Relative), null, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (response.StatusCode != HttpStatusCode.OK || body != "COMPLETED")
            {
                throw new BenchException($"the floor's POST /run answered {(int)response.StatusCode} '{body}'");
            }
        }

        await Loops.SequentialAsync(warmUp, budget, Run, cancellationToken);
        var before = floor.CpuTicks();
        var result = await Loops.SequentialAsync(count, budget, Run, cancellationToken);
        return (result, CpuMeter.MillisecondsPer(floor.CpuTicks() - before, result.Done));
    }
}
