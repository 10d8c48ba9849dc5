// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>Job creation rate and the end-to-end life of a trivial job, with one client and with eight.</summary>
internal static class JobFigures
{
    /// <summary>
    /// <paramref name="label"/> prefixes the rows ("" for the SQLite configuration, whose targets these are;
    /// the other configurations' rows carry no target).
    /// </summary>
    /// <param name="cpuTicks">The CPU ticks of what serves the requests (the server; with PostgreSQL, the database too).</param>
    public static async Task<LoopResult> CreationAsync(Report report, UwsClient[] clients, FloorValues floors, Func<long> cpuTicks, string cpuName,
        CancellationToken cancellationToken, string label = "")
    {
        var targets = label.Length == 0;
        Progress(label + "job creation (PENDING), 1 client");
        await Loops.SequentialAsync(Plan.CreationWarmUp, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);
        var one = await Loops.SequentialAsync(Plan.Creations, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);

        Progress(label + $"job creation (PENDING), {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.CreationWarmUp, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
        var before = cpuTicks();
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.Creations, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
        var cpu = CpuMeter.MillisecondsPer(cpuTicks() - before, many.Done);

        report.NoteIfTruncated("creation, 1 client", one);
        report.NoteIfTruncated($"creation, {clients.Length} clients", many);
        report.Add(new Row(label + "job creation, 1 client", one.PerSecond, "/s"));
        report.Add(new Row(label + "  per creation, 1 client (1/rate)", 1000 / one.PerSecond, "ms", floors.HttpMs, "http"));
        report.Add(new Row(label + $"job creation, {clients.Length} clients", many.PerSecond, "/s",
            Target: targets ? new Target($">= {Plan.CreationsPerSecondTarget:N0}/s", many.PerSecond >= Plan.CreationsPerSecondTarget) : null));
        report.Add(new Row(label + $"  {cpuName} CPU per creation, {clients.Length} clients", cpu, "ms",
            Target: targets ? new Target($"<= {Plan.CreationCpuMsTarget} ms", cpu <= Plan.CreationCpuMsTarget) : null));
        return many;
    }

    /// <summary>The end-to-end figures; the CPU per job of the 8-client part is returned for the two-node comparison.</summary>
    public static async Task<(LoopResult One, LoopResult Many, double ManyCpuMs)> EndToEndAsync(Report report, UwsClient[] clients, FloorValues floors,
        Func<long> cpuTicks, Func<long> compilerTicks, string cpuName, CancellationToken cancellationToken,
        string label = "", bool sequential = true, Action? beforeConcurrent = null, Action? afterConcurrent = null)
    {
        var targets = label.Length == 0;
        var one = new LoopResult(0, 0, TimeSpan.Zero, new Samples());
        var oneCpu = double.NaN;
        if (sequential)
        {
            Progress(label + "trivial job end to end (PHASE=RUN, WAIT until COMPLETED), 1 client");
            await Loops.SequentialAsync(Plan.EndToEndWarmUp, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);
            await WarmUntilCompiledAsync(report, label + "end to end, 1 client", compilerTicks,
                count => Loops.SequentialAsync(count, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken));
            var beforeOne = cpuTicks();
            one = await Loops.SequentialAsync(Plan.EndToEndSequential, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);
            oneCpu = CpuMeter.MillisecondsPer(cpuTicks() - beforeOne, one.Done);
        }

        Progress(label + $"trivial job end to end, {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrentWarmUp, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);
        await WarmUntilCompiledAsync(report, label + $"end to end, {clients.Length} clients", compilerTicks,
            count => Loops.ConcurrentAsync(clients.Length, count, Plan.PartBudget, (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken));
        beforeConcurrent?.Invoke();
        var before = cpuTicks();
        var compilingBefore = compilerTicks();
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrent, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);
        var manyCpu = CpuMeter.MillisecondsPer(cpuTicks() - before, many.Done);
        // Part of the CPU per job, said so that a figure paying for compilations can be told from one that does not.
        report.Note($"{label}end to end, {clients.Length} clients: the tiered compiler used {(compilerTicks() - compilingBefore) * 10:N0} ms of CPU during the measured jobs");
        afterConcurrent?.Invoke();

        report.NoteIfTruncated(label + "end to end, 1 client", one);
        report.NoteIfTruncated(label + $"end to end, {clients.Length} clients", many);
        var floor = floors.PostForkMs;
        if (sequential)
        {
            var median = one.Latencies.Median;
            var limit = Plan.EndToEndToFloorTarget * floor;
            report.Add(new Row(label + "trivial job end to end, 1 client, median", median, "ms", floor, "post+fork",
                targets ? new Target($"<= {Plan.EndToEndToFloorTarget}x floor", median <= limit) : null));
            report.Add(new Row(label + "trivial job end to end, 1 client, p95", one.Latencies.P95, "ms", floor, "post+fork"));
            report.Add(new Row(label + $"  {cpuName} CPU per job end to end, 1 client", oneCpu, "ms", floors.PostForkCpuMs, "floor cpu",
                targets ? new Target($"<= {Plan.EndToEndCpuMsTarget} ms", oneCpu <= Plan.EndToEndCpuMsTarget) : null));
        }

        report.Add(new Row(label + $"trivial jobs completed, {clients.Length} clients", many.PerSecond, "/s",
            Target: targets ? new Target($">= {Plan.CompletedPerSecondTarget:N0}/s", many.PerSecond >= Plan.CompletedPerSecondTarget) : null));
        report.Add(new Row(label + $"  end to end, {clients.Length} clients, median", many.Latencies.Median, "ms", floor, "post+fork"));
        report.Add(new Row(label + $"  {cpuName} CPU per job, {clients.Length} clients", manyCpu, "ms", floors.PostForkCpuMs, "floor cpu"));
        return (one, many, manyCpu);
    }

    /// <summary>Runs batches of the part's own work until one passes with the tiered compilers idle; says how many it took.</summary>
    private static async Task WarmUntilCompiledAsync(Report report, string part, Func<long> compilerTicks, Func<int, Task<LoopResult>> batch)
    {
        var jobs = 0;
        var quiet = 0;
        for (var round = 0; round < Plan.CompilerQuietMaxBatches; round++)
        {
            var before = compilerTicks();
            jobs += (await batch(Plan.CompilerQuietBatch)).Done;
            quiet = compilerTicks() - before <= Plan.CompilerQuietTicks ? quiet + 1 : 0;
            if (quiet == Plan.CompilerQuietBatchesInARow)
            {
                report.Note($"{part}: {jobs:N0} jobs after the fixed warm-up, until {quiet} batches of {Plan.CompilerQuietBatch} in a row passed with the tiered compiler idle");
                return;
            }
        }

        report.Note($"{part}: the tiered compiler was still at work after {jobs:N0} more jobs of warm-up; the figures include compilations");
    }

    private static void Progress(string message) => Benchmark.Progress(message);
}
