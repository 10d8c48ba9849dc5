// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;

namespace Meridian.Bench;

/// <summary>
/// The server's load while 8 OImaging-style clients each follow a real reconstruction (services/oimaging.yaml,
/// meridian-reconstruct on the 64x64 FKV1137 file) by reading its phase at 5 Hz for 30 s. Floors from the same run:
/// the same server idle for 10 s (its CPU and memory) and, during the window, a ninth client that reads a static
/// resource of the same server (GET /OImaging-uws/) at the same rate, so that both latencies meet the same load.
/// </summary>
internal static class OImagingPolling
{
    private const int Clients = 8;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var repository = RepositoryRoot();
        var input = Path.GetFullPath(Path.Combine(repository, "..", "shared", "data", "oifits", "2004-FKV1137-L1L2-example.fits"));
        if (!File.Exists(input))
        {
            throw new BenchException($"{input} is missing: the repository should sit beside 'shared'");
        }

        var oifits = await File.ReadAllBytesAsync(input, cancellationToken);
        using var server = await ServerUnderTest.StartAsync(cancellationToken,
            new Dictionary<string, string> { ["Meridian__ServicesDirectory"] = Path.Combine(repository, "services") });
        long ServerTicks() => CpuMeter.ProcessTicks(server.ProcessId, withChildren: false);

        // Warm-up: one short reconstruction followed to its end, so that both endpoints have run once.
        using (var warm = new OImagingClient(server.BaseAddress, oifits, "-maxiter=2"))
        {
            await warm.RunAsync(DateTime.UtcNow.AddSeconds(5), new Samples(), cancellationToken);
            await warm.AbortAsync(cancellationToken);
        }

        // Let the warm-up's aftermath (the aborted job's end, background JIT tiering) pass before the idle floor.
        await Task.Delay(Settle, cancellationToken);
        var idleTicks = ServerTicks();
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(Idle, cancellationToken);
        var idleCpu = CorePercent(ServerTicks() - idleTicks, idleClock.Elapsed);
        var idleMemory = server.ReadMemory().CurrentKiB / 1024.0;

        var clients = Enumerable.Range(0, Clients).Select(_ => new OImagingClient(server.BaseAddress, oifits, "-maxiter=100000")).ToList();
        var polls = new Samples();
        var statics = new Samples();
        var memory = new List<double>();
        try
        {
            var until = DateTime.UtcNow + Window;
            var startTicks = ServerTicks();
            var machine = CpuMeter.Start(("server", ServerTicks));
            var clock = Stopwatch.StartNew();
            var work = clients.Select(client => client.RunAsync(until, polls, cancellationToken)).ToList();
            var floor = StaticPollsAsync(server.BaseAddress, until, statics, cancellationToken);
            while (DateTime.UtcNow < until)
            {
                await Task.Delay(1000, cancellationToken);
                memory.Add(server.ReadMemory().CurrentKiB / 1024.0);
            }

            await Task.WhenAll([.. work, floor]);
            var elapsed = clock.Elapsed;
            var cpu = CorePercent(ServerTicks() - startTicks, elapsed);
            var load = machine.Stop();
            var requests = clients.Sum(c => c.Requests) + statics.Count;

            var report = new Report();
            report.Section($"{Clients} OImaging-style clients polling {{job}}/phase every 200 ms for {Window.TotalSeconds:0} s, jobs running ({Environment.ProcessorCount} cores)");
            report.Add(new Row("server CPU while polled", cpu, "% of a core", idleCpu, "same server idle", FloorUnit: "%"));
            report.Add(new Row("requests served per second (all clients)", requests / elapsed.TotalSeconds, "req/s", (Clients + 1) * 5, "offered polls, 9 clients at 5 Hz", FloorUnit: "req/s"));
            report.Add(new Row("phase poll p50", polls.Median, "ms", statics.Median, "static GET p50"));
            report.Add(new Row("phase poll p99", polls.Percentile(0.99), "ms", statics.Percentile(0.99), "static GET p99"));
            report.Add(new Row("server memory, mean RSS", memory.Average(), "MiB", idleMemory, "same server idle", FloorUnit: "MiB"));
            report.Add(new Row("server memory, peak RSS", memory.Max(), "MiB", idleMemory, "same server idle", FloorUnit: "MiB"));
            report.Note($"phase polls: {polls.Count}; static GETs (the latency floor, same server, same load): {statics.Count}, p50 {Format(statics.Median)} ms, p99 {Format(statics.Percentile(0.99))} ms");
            var seen = clients.SelectMany(c => c.PhasesSeen).GroupBy(p => p.Key).Select(g => $"{g.Key} {g.Sum(p => p.Value)}");
            report.Note($"phases read: {string.Join(", ", seen)}; reconstructions finished and deleted in the window: {clients.Sum(c => c.JobsFinished)} (the service runs 2 at once)");
            report.Note($"CPU: {load} (the jobs' reconstructions take the rest of the machine)");
            report.Note($"idle floor: the same server {Settle.TotalSeconds:0} s after warm-up, no client, {Idle.TotalSeconds:0} s: {Format(idleCpu)}% of a core, {Format(idleMemory)} MiB RSS");
            report.Note("ratios: CPU and memory to the idle server; latencies to the static resource under the same load");
            return report;
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.AbortAsync(CancellationToken.None);
                client.Dispose();
            }
        }
    }

    /// <summary>GET /OImaging-uws/ (a fixed text, no store access) at the clients' rate: the latency floor of the same server.</summary>
    private static async Task StaticPollsAsync(Uri baseAddress, DateTime until, Samples samples, CancellationToken cancellationToken)
    {
        using var http = BenchHttp.CreateClient(baseAddress);
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(200, cancellationToken);
            var began = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri("/OImaging-uws/", UriKind.Relative), cancellationToken);
            await response.Content.ReadAsStringAsync(cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(began));
            if (!response.IsSuccessStatusCode)
            {
                throw new BenchException($"GET /OImaging-uws/ answered {(int)response.StatusCode}");
            }
        }
    }

    private static double CorePercent(long ticks, TimeSpan elapsed) => 100.0 * ticks / 100.0 / elapsed.TotalSeconds;

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Meridian.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new BenchException($"no Meridian.slnx above {AppContext.BaseDirectory}: run the bench from the repository's build");
    }
}
