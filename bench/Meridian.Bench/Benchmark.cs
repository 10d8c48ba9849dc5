// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>The run: floors first (nothing else running), then the server's figures, then its memory.</summary>
internal static class Benchmark
{
    public static async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var report = new Report();
        Progress($"floor: fork/exec of /bin/true, {Plan.ForkRuns} runs");
        var fork = await Floors.ForkExecAsync(Plan.ForkWarmUp, Plan.ForkRuns, Plan.PartBudget, cancellationToken);
        Progress($"floor: loopback HTTP round trip to a bare Kestrel, {Plan.HttpRequests} requests");
        var http = await Floors.HttpRoundTripAsync(Plan.HttpWarmUp, Plan.HttpRequests, Plan.PartBudget, cancellationToken);
        report.NoteIfTruncated("fork/exec floor", fork);
        report.NoteIfTruncated("HTTP floor", http);
        var floors = new FloorValues(fork.Latencies.Median, http.Latencies.Median);
        report.Add(new Row("floor: fork/exec /bin/true, median", floors.ForkMs, "ms"));
        report.Add(new Row("floor: loopback HTTP GET, median", floors.HttpMs, "ms"));

        Progress("starting meridian-server (SQLite, local execution, fresh data directory)");
        using var server = await ServerUnderTest.StartAsync(cancellationToken);
        report.Note($"server: pid {server.ProcessId} at {server.BaseAddress}, answered GET /uws {server.StartupTime.TotalSeconds:0.00} s after start");
        foreach (var knob in ServerUnderTest.RuntimeKnobs())
        {
            report.Note($"server: runtime setting {knob} came from the environment (not the default configuration)");
        }

        // Resident memory after each part, so that a peak can be traced to what caused it.
        void Checkpoint(string part)
        {
            var (peakKiB, currentKiB) = server.ReadMemory();
            report.Note($"memory after {part}: VmRSS {currentKiB / 1024.0:0.0} MiB, VmHWM {peakKiB / 1024.0:0.0} MiB");
        }

        Checkpoint("start-up");
        var clients = Enumerable.Range(0, Plan.Clients).Select(_ => new UwsClient(server.BaseAddress)).ToArray();
        try
        {
            await JobFigures.CreationAsync(report, clients, floors, cancellationToken);
            Checkpoint("creation");
            await JobFigures.EndToEndAsync(report, clients, floors, cancellationToken);
            Checkpoint("end to end");
            await ListFigures.TopUpAsync(report, clients, cancellationToken);
            Checkpoint("top-up");
            await ListFigures.MeasureAsync(report, clients, floors, cancellationToken);
            Checkpoint("job lists");

            var (peakKiB, currentKiB) = server.ReadMemory();
            report.Add(new Row("server peak resident (VmHWM)", peakKiB / 1024.0, "MiB",
                Target: new Target($"< {Plan.PeakResidentMiBTarget} MiB", peakKiB / 1024.0 < Plan.PeakResidentMiBTarget)));
            report.Add(new Row("server resident at the end (VmRSS)", currentKiB / 1024.0, "MiB"));
            report.Note($"server: wrote {server.OutputLines:N0} log lines during the run (Information level, the default)");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }

        return report;
    }

    public static void Progress(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>This run's floors, in ms (medians).</summary>
internal sealed record FloorValues(double ForkMs, double HttpMs);
