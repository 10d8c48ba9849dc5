// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>Job creation rate and the end-to-end life of a trivial job, with one client and with eight.</summary>
internal static class JobFigures
{
    /// <summary>
    /// <paramref name="label"/> prefixes the rows ("" for the SQLite configuration, whose targets these are;
    /// the other configurations' rows carry no target).
    /// </summary>
    public static async Task<LoopResult> CreationAsync(Report report, UwsClient[] clients, FloorValues floors, CancellationToken cancellationToken, string label = "")
    {
        var targets = label.Length == 0;
        Progress(label + "job creation (PENDING), 1 client");
        await Loops.SequentialAsync(Plan.CreationWarmUp, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);
        var one = await Loops.SequentialAsync(Plan.Creations, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);

        Progress(label + $"job creation (PENDING), {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.CreationWarmUp, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.Creations, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);

        report.NoteIfTruncated("creation, 1 client", one);
        report.NoteIfTruncated($"creation, {clients.Length} clients", many);
        report.Add(new Row(label + "job creation, 1 client", one.PerSecond, "/s"));
        report.Add(new Row(label + "  per creation, 1 client (1/rate)", 1000 / one.PerSecond, "ms", floors.HttpMs, "http"));
        report.Add(new Row(label + $"job creation, {clients.Length} clients", many.PerSecond, "/s",
            Target: targets ? new Target($">= {Plan.CreationsPerSecondTarget:N0}/s", many.PerSecond >= Plan.CreationsPerSecondTarget) : null));
        return many;
    }

    public static async Task<(LoopResult One, LoopResult Many)> EndToEndAsync(Report report, UwsClient[] clients, FloorValues floors, CancellationToken cancellationToken,
        string label = "", bool sequential = true, Action? beforeConcurrent = null, Action? afterConcurrent = null)
    {
        var targets = label.Length == 0;
        var one = new LoopResult(0, 0, TimeSpan.Zero, new Samples());
        if (sequential)
        {
            Progress(label + "trivial job end to end (PHASE=RUN, WAIT until COMPLETED), 1 client");
            await Loops.SequentialAsync(Plan.EndToEndWarmUp, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);
            one = await Loops.SequentialAsync(Plan.EndToEndSequential, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);
        }

        Progress(label + $"trivial job end to end, {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrentWarmUp, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);
        beforeConcurrent?.Invoke();
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrent, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);
        afterConcurrent?.Invoke();

        report.NoteIfTruncated(label + "end to end, 1 client", one);
        report.NoteIfTruncated(label + $"end to end, {clients.Length} clients", many);
        var floor = floors.ForkMs + floors.HttpMs;
        if (sequential)
        {
            var median = one.Latencies.Median;
            report.Add(new Row(label + "trivial job end to end, 1 client, median", median, "ms", floor, "fork+http",
                targets ? new Target($"< {Plan.EndToEndMedianMsTarget} ms", median < Plan.EndToEndMedianMsTarget) : null));
            report.Add(new Row(label + "trivial job end to end, 1 client, p95", one.Latencies.P95, "ms", floor, "fork+http"));
        }

        report.Add(new Row(label + $"trivial jobs completed, {clients.Length} clients", many.PerSecond, "/s",
            Target: targets ? new Target($">= {Plan.CompletedPerSecondTarget:N0}/s", many.PerSecond >= Plan.CompletedPerSecondTarget) : null));
        report.Add(new Row(label + $"  end to end, {clients.Length} clients, median", many.Latencies.Median, "ms", floor, "fork+http"));
        return (one, many);
    }

    private static void Progress(string message) => Benchmark.Progress(message);
}
