// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Meridian.Bench;

/// <summary>
/// The SLURM part (bench ... -- slurm): 100 short jobs of a service with executor: slurm on the real cluster
/// this machine submits to. For each, the delay between the program's end (the instant it writes last)
/// and the moment a client blocked in WAIT sees COMPLETED; and the SLURM commands the server ran, counted by
/// wrappers around sbatch, squeue, scancel and sacct. The floor is one callback's own cost: a curl process
/// posting to the server over loopback.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class SlurmBenchmark
{
    public const int Jobs = 100;
    private const double MedianDelayTargetMs = 1000;
    private const double CommandsPerJobTarget = 3;
    private static readonly string[] Commands = ["sbatch", "squeue", "scancel", "sacct"];

    public static async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var report = new Report();
        var scratch = Directory.CreateTempSubdirectory("meridian-bench-slurm-");
        try
        {
            var log = Path.Combine(scratch.FullName, "commands.log");
            var settings = new Dictionary<string, string>
            {
                ["Meridian__ServicesDirectory"] = Path.Combine(AppContext.BaseDirectory, "slurm-services"),
            };
            foreach (var command in Commands)
            {
                settings[$"Meridian__Slurm__{char.ToUpperInvariant(command[0])}{command[1..]}Path"] = await CountingWrapperAsync(scratch.FullName, command, log);
            }

            Benchmark.Progress("starting meridian-server (SQLite, services with executor: slurm)");
            using var server = await ServerUnderTest.StartAsync(cancellationToken, settings);
            report.Section($"SLURM ({await SlurmVersionAsync()}; {Jobs} jobs of one 'date' each, all submitted at once)");
            report.Note($"server: pid {server.ProcessId} at {server.BaseAddress}; callbacks to {server.BaseAddress}; reconciliation every 15 s (the default)");

            Benchmark.Progress("floor: a callback's own cost (curl posting to the server over loopback), 30 runs");
            var floor = await CallbackFloorAsync(server.BaseAddress, 30, cancellationToken);
            report.Add(new Row("floor: curl POST to the server, median", floor, "ms"));

            await File.WriteAllTextAsync(log, "", cancellationToken);
            Benchmark.Progress($"running {Jobs} SLURM jobs, each followed by a client blocked in WAIT");
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, MaxConnectionsPerServer = Jobs + 10 })
            {
                BaseAddress = server.BaseAddress,
                Timeout = TimeSpan.FromMinutes(5),
            };
            var clock = Stopwatch.StartNew();
            var delays = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(_ => RunOneAsync(http, cancellationToken)));
            var elapsed = clock.Elapsed;

            var samples = new Samples();
            foreach (var delay in delays)
            {
                samples.Add(delay);
            }

            report.Add(new Row("end of program → COMPLETED seen in WAIT, median", samples.Median, "ms", floor, "curl POST",
                new Target($"< {MedianDelayTargetMs:0} ms", samples.Median < MedianDelayTargetMs)));
            report.Add(new Row("end of program → COMPLETED seen in WAIT, p95", samples.P95, "ms", floor, "curl POST"));
            report.Add(new Row("end of program → COMPLETED seen in WAIT, max", samples.Percentile(1.0), "ms", floor, "curl POST"));
            report.Add(new Row($"{Jobs} jobs, first creation to last COMPLETED", elapsed.TotalSeconds, "s"));

            var lines = await File.ReadAllLinesAsync(log, cancellationToken);
            var perJob = lines.Length / (double)Jobs;
            report.Add(new Row("SLURM commands per job (all kinds)", perJob, "",
                Target: new Target($"< {CommandsPerJobTarget:0}", perJob < CommandsPerJobTarget)));
            foreach (var command in Commands)
            {
                report.Add(new Row($"  {command} calls for {Jobs} jobs", lines.Count(line => line == command), ""));
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        return report;
    }

    /// <summary>Creates and runs one job, follows it with WAIT, and returns how long after its program ended COMPLETED was seen.</summary>
    private static async Task<TimeSpan> RunOneAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([new("PHASE", "RUN")]);
        using var created = await http.PostAsync("/uws/ended", form, cancellationToken);
        if (created.StatusCode != HttpStatusCode.SeeOther || created.Headers.Location is not { } job)
        {
            throw new BenchException($"creating a job answered {(int)created.StatusCode}");
        }

        var phase = "QUEUED";
        DateTimeOffset seen;
        while (true)
        {
            var text = await http.GetStringAsync($"{job}/phase", cancellationToken);
            if (text != phase)
            {
                phase = text;
                seen = DateTimeOffset.UtcNow;
                if (phase is not ("QUEUED" or "EXECUTING"))
                {
                    break;
                }
            }

            using var wait = await http.GetAsync($"{job}?WAIT=60&PHASE={phase}", cancellationToken);
            wait.EnsureSuccessStatusCode();
        }

        if (phase != "COMPLETED")
        {
            throw new BenchException($"job {job} ended {phase}");
        }

        var ended = await http.GetStringAsync($"{job}/results/ended", cancellationToken);
        var seconds = decimal.Parse(ended.Trim(), CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return seen - end;
    }

    /// <summary>A script that logs its name, then runs the real command with the same arguments.</summary>
    private static async Task<string> CountingWrapperAsync(string folder, string command, string log)
    {
        var real = (await OutputAsync("sh", "-c", $"command -v {command}")).Trim();
        if (real.Length == 0)
        {
            throw new BenchException($"{command} is not installed: the SLURM part needs a SLURM client (../shared/tools/slurm-single-node.sh start)");
        }

        var path = Path.Combine(folder, command);
        await File.WriteAllTextAsync(path, $"#!/bin/sh\necho {command} >> '{log}'\nexec '{real}' \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static async Task<double> CallbackFloorAsync(Uri server, int runs, CancellationToken cancellationToken)
    {
        var samples = new Samples();
        var url = new Uri(server, "/executions/AAAAAAAAAAAAAAAAAAAAAA/started").ToString();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await OutputAsync("curl", "--silent", "--max-time", "10", "--data-binary", "x", url);
            samples.Add(clock.Elapsed);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return samples.Median;
    }

    private static async Task<string> SlurmVersionAsync() => (await OutputAsync("sinfo", "--version")).Trim();

    private static async Task<string> OutputAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchException($"{program} did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
