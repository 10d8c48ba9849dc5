// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Meridian.Bench;

/// <summary>
/// Measures meridian-server (started as its own process) against the floors of this machine, and prints
/// the table. Exits 0 whether or not targets are met: it reports, it does not judge. Exits 1 when the
/// server misbehaves or cannot start, 130 when interrupted.
/// </summary>
internal static class BenchProgram
{
    /// <param name="args">"slurm" for the SLURM part alone (it needs a cluster); "oimaging" for the load of OImaging-style
    /// clients polling real reconstructions; nothing for the rest ("floor-server" is the floor's own process, started by the bench).</param>
    public static async Task<int> Main(string[] args)
    {
        if (args is [FloorServer.Mode, var root])
        {
            return await FloorServer.RunAsync(root);
        }

        using var interrupted = new CancellationTokenSource();
        // Ctrl-C or SIGTERM end the loops; the server is still killed and its data directory deleted.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupted.Cancel();
        }

        try
        {
            var report = args switch
            {
                ["slurm"] when !OperatingSystem.IsWindows() => await SlurmBenchmark.RunAsync(interrupted.Token),
                ["oimaging"] => await OImagingPolling.RunAsync(interrupted.Token),
                _ => await Benchmark.RunAsync(interrupted.Token),
            };
            report.Print(Console.Out);
            return 0;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("bench: interrupted");
            return 130;
        }
        catch (Exception exception) when (exception is BenchException or HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"bench: {exception.Message}");
            return 1;
        }
        catch (Exception exception)
        {
            // A database error (Npgsql, SQLite) or anything else: caught here so that every server and the
            // PostgreSQL cluster were stopped on the way out (finally blocks run only for a caught exception).
            Console.Error.WriteLine($"bench: {exception.GetType().Name}: {exception.Message}");
            return 1;
        }
    }
}
