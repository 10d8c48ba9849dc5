// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Bench;

/// <summary>
/// The run: floors first (nothing else running), then SQLite (the server's default configuration, with its
/// own targets), then PostgreSQL with one node and with two, then the side-by-side comparison.
/// </summary>
internal static class Benchmark
{
    public static async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var report = new Report();
        Progress($"floor: fork/exec of /bin/true, {Plan.ForkRuns} runs");
        var fork = await Floors.ForkExecAsync(Plan.ForkWarmUp, Plan.ForkRuns, Plan.PartBudget, cancellationToken);
        FloorValues floors;
        using (var floor = await FloorProcess.StartAsync(cancellationToken))
        {
            Progress($"floor: loopback HTTP round trip to a bare Kestrel, {Plan.HttpRequests} requests");
            var http = await Floors.HttpRoundTripAsync(floor, Plan.HttpWarmUp, Plan.HttpRequests, Plan.PartBudget, cancellationToken);
            Progress($"floor: POST and fork/exec (a folder, /bin/true, its output to files) on a bare Kestrel, {Plan.ForkRuns} requests");
            var (postFork, postForkCpu) = await Floors.PostAndForkAsync(floor, Plan.PostForkWarmUp, Plan.ForkRuns, Plan.PartBudget, cancellationToken);
            report.NoteIfTruncated("fork/exec floor", fork);
            report.NoteIfTruncated("HTTP floor", http);
            report.NoteIfTruncated("POST-and-fork floor", postFork);
            floors = new FloorValues(fork.Latencies.Median, http.Latencies.Median, postFork.Latencies.Median, postForkCpu);
        }

        report.Add(new Row("floor: fork/exec /bin/true, median", floors.ForkMs, "ms"));
        report.Add(new Row("floor: loopback HTTP GET, median", floors.HttpMs, "ms"));
        report.Add(new Row("floor: POST and fork/exec, median", floors.PostForkMs, "ms"));
        report.Add(new Row("floor: POST and fork/exec, its server's CPU per job", floors.PostForkCpuMs, "ms"));

        var sqliteData = Directory.CreateTempSubdirectory("meridian-bench-sqlite-");
        var pgData = Directory.CreateTempSubdirectory("meridian-bench-pg-nodes-");
        try
        {
            var sqlite = await SqliteAsync(report, floors, sqliteData.FullName, cancellationToken);
            var pg = await PostgresAsync(report, floors, pgData.FullName, cancellationToken);

            report.SideBySideColumns("SQLite", "PostgreSQL, 1 node", "PostgreSQL, 2 nodes");
            report.SideBySide($"job creation, {Plan.Clients} clients", "/s", sqlite.Creation.PerSecond, pg.Creation.PerSecond, double.NaN);
            report.SideBySide("trivial job end to end, 1 client, median", "ms", sqlite.EndToEnd.Latencies.Median, pg.EndToEnd.Latencies.Median, double.NaN);
            report.SideBySide("trivial job end to end, 1 client, p95", "ms", sqlite.EndToEnd.Latencies.P95, pg.EndToEnd.Latencies.P95, double.NaN);
            report.SideBySide($"trivial jobs completed, {Plan.Clients} clients", "/s", sqlite.Completed.PerSecond, pg.Completed.PerSecond, pg.CompletedTwoNodes.PerSecond);
            report.SideBySide($"list, LAST=10 ({Plan.ListStoredJobs:N0} jobs), median", "ms", sqlite.LastTen.Latencies.Median, pg.LastTen.Latencies.Median, double.NaN);
            report.SideBySide($"list, LAST=10 ({Plan.ListStoredJobs:N0} jobs), p95", "ms", sqlite.LastTen.Latencies.P95, pg.LastTen.Latencies.P95, double.NaN);
            report.SideBySide($"list, PHASE=COMPLETED ({Plan.ListStoredJobs:N0} jobs), median", "ms", sqlite.Phase.Latencies.Median, pg.Phase.Latencies.Median, double.NaN);
            report.SideBySide($"list, PHASE=COMPLETED ({Plan.ListStoredJobs:N0} jobs), p95", "ms", sqlite.Phase.Latencies.P95, pg.Phase.Latencies.P95, double.NaN);
        }
        finally
        {
            Delete(sqliteData);
            Delete(pgData);
        }

        return report;
    }

    /// <summary>The figures of one store, for the side-by-side table.</summary>
    private sealed record StoreFigures(LoopResult Creation, LoopResult EndToEnd, LoopResult Completed, LoopResult LastTen, LoopResult Phase)
    {
        public LoopResult CompletedTwoNodes { get; init; } = new(0, 0, TimeSpan.FromSeconds(1), new Samples());
    }

    private static async Task<StoreFigures> SqliteAsync(Report report, FloorValues floors, string dataDirectory, CancellationToken cancellationToken)
    {
        report.Section("SQLite (the default configuration; its targets)");
        LoopResult creation, endToEnd, completed;
        Progress("starting meridian-server (SQLite, local execution, fresh data directory)");
        using (var server = await ServerUnderTest.StartAsync(cancellationToken, dataDirectory: dataDirectory))
        {
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
            var clients = Clients(server);
            try
            {
                creation = await JobFigures.CreationAsync(report, clients, floors, server.CpuTicks, "server", cancellationToken);
                Checkpoint("creation");
                (endToEnd, completed, _) = await JobFigures.EndToEndAsync(report, clients, floors, server.CpuTicks, server.CompilerTicks, "server", cancellationToken);
                Checkpoint("end to end");
                await ListFigures.MeasureThousandAsync(report, server.BaseAddress, server.CpuTicks, "server", floors, cancellationToken);
                Checkpoint("list of 1,000 jobs");
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
                Dispose(clients);
            }
        }

        // The server is stopped (killed; SQLite's WAL makes that safe) while the rows go in, then started again on the same files.
        report.Section($"SQLite, {Plan.ListStoredJobs:N0} jobs stored (rows bulk-inserted, server restarted)");
        Progress($"SQLite: bulk-inserting rows up to {Plan.ListStoredJobs:N0} jobs (server stopped), then restarting it");
        var inserted = await BulkRows.FillSqliteAsync(Path.Combine(dataDirectory, "meridian.db"), cancellationToken);
        report.Note($"sqlite: {inserted:N0} of the {Plan.ListStoredJobs:N0} jobs were bulk-inserted straight into meridian.db (one INSERT ... SELECT, "
            + "server stopped), not created through HTTP; one in four COMPLETED");
        using (var server = await ServerUnderTest.StartAsync(cancellationToken, dataDirectory: dataDirectory))
        {
            using var client = new UwsClient(server.BaseAddress);
            var (lastTen, phase) = await ListFigures.MeasureBigAsync(report, client, floors, server.ReadMemory, "sqlite: ", cancellationToken);
            return new StoreFigures(creation, endToEnd, completed, lastTen, phase);
        }
    }

    private static async Task<StoreFigures> PostgresAsync(Report report, FloorValues floors, string dataDirectory, CancellationToken cancellationToken)
    {
        Progress("PostgreSQL: starting a private cluster (initdb in a temporary folder)");
        using var cluster = await PgCluster.StartAsync(cancellationToken);
        report.Section($"PostgreSQL {cluster.ServerVersion()} (private cluster; no target unless stated)");
        report.Note($"postgres: private cluster on 127.0.0.1:{cluster.Port}, postmaster pid {cluster.PostmasterPid}, settings "
            + string.Join(", ", PgCluster.Settings) + ": NO DURABILITY (fsync off), unlike a production database");
        Dictionary<string, string> Node(string name) => new()
        {
            ["Meridian__Store__Provider"] = "postgres",
            ["Meridian__Store__ConnectionString"] = cluster.ConnectionString,
            ["Meridian__NodeId"] = name,
        };
        long PostgresTicks() => CpuMeter.TreeTicks(cluster.PostmasterPid);
        long BenchTicks() => CpuMeter.ProcessTicks(Environment.ProcessId, withChildren: false);

        Progress("starting meridian-server node a (PostgreSQL)");
        using var a = await ServerUnderTest.StartAsync(cancellationToken, Node("a"), dataDirectory);
        report.Note($"pg node a: pid {a.ProcessId} at {a.BaseAddress}, answered GET /uws {a.StartupTime.TotalSeconds:0.00} s after start");
        var clients = Clients(a);
        ServerUnderTest? b = null;
        UwsClient[] spread = [];
        try
        {
            long OneNode() => a.CpuTicks() + PostgresTicks();
            var creation = await JobFigures.CreationAsync(report, clients, floors, OneNode, "server+postgres", cancellationToken, "pg, 1 node: ");
            CpuMeter? meter = null;
            var (endToEnd, completed, oneNodeCpu) = await JobFigures.EndToEndAsync(report, clients, floors, OneNode, a.CompilerTicks, "server+postgres", cancellationToken, "pg, 1 node: ",
                beforeConcurrent: () => meter = CpuMeter.Start(("server a", a.CpuTicks), ("postgres", PostgresTicks), ("bench clients", BenchTicks)),
                afterConcurrent: () => report.Note($"CPU, pg 1 node, {Plan.Clients} clients completing jobs: {meter!.Stop()}"));
            await ListFigures.MeasureThousandAsync(report, a.BaseAddress, OneNode, "server+postgres", floors, cancellationToken, "pg, 1 node: ");

            Progress("starting meridian-server node b (PostgreSQL, same database and data directory)");
            b = await ServerUnderTest.StartAsync(cancellationToken, Node("b"), dataDirectory);
            report.Note($"pg node b: pid {b.ProcessId} at {b.BaseAddress}, answered GET /uws {b.StartupTime.TotalSeconds:0.00} s after start");
            // Node b is warmed as node a was by the parts before (past its tier-1 compilations): the comparison is of
            // two nodes in service, not of one that is still compiling its code.
            Progress("pg, node b: warming up (creations and jobs end to end)");
            var warmB = Clients(b);
            try
            {
                await Loops.ConcurrentAsync(warmB.Length, 2 * Plan.CreationWarmUp, Plan.PartBudget,
                    (client, token) => warmB[client].CreateAsync(run: false, token), cancellationToken);
                await Loops.ConcurrentAsync(warmB.Length, Plan.EndToEndConcurrentWarmUp + Plan.EndToEndWarmUp, Plan.PartBudget,
                    (client, token) => warmB[client].RunToCompletionAsync(token), cancellationToken);
            }
            finally
            {
                Dispose(warmB);
            }

            // Client i talks to node a when i is even, to node b when odd: 4 and 4.
            spread = Enumerable.Range(0, Plan.Clients).Select(i => new UwsClient((i % 2 == 0 ? a : b).BaseAddress)).ToArray();
            var nodeB = b;
            long TwoNodes() => a.CpuTicks() + nodeB.CpuTicks() + PostgresTicks();
            var (_, twoNodes, twoNodeCpu) = await JobFigures.EndToEndAsync(report, spread, floors, TwoNodes, () => a.CompilerTicks() + nodeB.CompilerTicks(), "servers+postgres", cancellationToken,
                "pg, 2 nodes: ", sequential: false,
                beforeConcurrent: () => meter = CpuMeter.Start(("server a", a.CpuTicks), ("server b", nodeB.CpuTicks), ("postgres", PostgresTicks), ("bench clients", BenchTicks)),
                afterConcurrent: () => report.Note($"CPU, pg 2 nodes, {Plan.Clients} clients completing jobs: {meter!.Stop()}"));
            // On two cores one node and PostgreSQL keep both busy already: what a second node may cost is CPU, not speed.
            report.Add(new Row("pg: completed/s, 2 nodes / 1 node", twoNodes.PerSecond / completed.PerSecond, "x"));
            var cpuRatio = twoNodeCpu / oneNodeCpu;
            report.Add(new Row("pg: CPU per job (nodes + postgres), 2 nodes / 1 node", cpuRatio, "x",
                Target: new Target($"<= {Plan.TwoNodeCpuRatioTarget.ToString("0.00", CultureInfo.InvariantCulture)}x", cpuRatio <= Plan.TwoNodeCpuRatioTarget)));

            Progress($"PostgreSQL: bulk-inserting rows up to {Plan.ListStoredJobs:N0} jobs");
            var inserted = await BulkRows.FillPostgresAsync(cluster.ConnectionString, cancellationToken);
            report.Note($"pg: {inserted:N0} of the {Plan.ListStoredJobs:N0} jobs were bulk-inserted (one INSERT ... SELECT generate_series, "
                + "change-feed trigger off for that session, then ANALYZE), not created through HTTP; one in four COMPLETED");
            var (lastTen, phase) = await ListFigures.MeasureBigAsync(report, clients[0], floors, a.ReadMemory, "pg: ", cancellationToken);
            report.Note($"pg: memory at the end: node a VmHWM {a.ReadMemory().PeakKiB / 1024.0:0.0} MiB, node b VmHWM {b.ReadMemory().PeakKiB / 1024.0:0.0} MiB");
            return new StoreFigures(creation, endToEnd, completed, lastTen, phase) { CompletedTwoNodes = twoNodes };
        }
        finally
        {
            Dispose(spread);
            Dispose(clients);
            b?.Dispose();
        }
    }

    private static UwsClient[] Clients(ServerUnderTest server) =>
        Enumerable.Range(0, Plan.Clients).Select(_ => new UwsClient(server.BaseAddress)).ToArray();

    private static void Dispose(UwsClient[] clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static void Delete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bench: could not delete {directory.FullName}: {exception.Message}");
        }
    }

    public static void Progress(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
}

/// <summary>This run's floors, in ms: medians, and the floor server's CPU per POST-and-fork.</summary>
internal sealed record FloorValues(double ForkMs, double HttpMs, double PostForkMs, double PostForkCpuMs);
