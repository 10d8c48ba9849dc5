// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>Job creation rate and the end-to-end life of a trivial job, with one client and with eight.</summary>
internal static class JobFigures
{
    public static async Task CreationAsync(Report report, UwsClient[] clients, FloorValues floors, CancellationToken cancellationToken)
    {
        Progress("job creation (PENDING), 1 client");
        await Loops.SequentialAsync(Plan.CreationWarmUp, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);
        var one = await Loops.SequentialAsync(Plan.Creations, Plan.PartBudget, token => clients[0].CreateAsync(run: false, token), cancellationToken);

        Progress($"job creation (PENDING), {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.CreationWarmUp, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.Creations, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);

        report.NoteIfTruncated("creation, 1 client", one);
        report.NoteIfTruncated($"creation, {clients.Length} clients", many);
        report.Add(new Row("job creation, 1 client", one.PerSecond, "/s"));
        report.Add(new Row("  per creation, 1 client (1/rate)", 1000 / one.PerSecond, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"job creation, {clients.Length} clients", many.PerSecond, "/s",
            Target: new Target($">= {Plan.CreationsPerSecondTarget:N0}/s", many.PerSecond >= Plan.CreationsPerSecondTarget)));
    }

    public static async Task EndToEndAsync(Report report, UwsClient[] clients, FloorValues floors, CancellationToken cancellationToken)
    {
        Progress("trivial job end to end (PHASE=RUN, WAIT until COMPLETED), 1 client");
        await Loops.SequentialAsync(Plan.EndToEndWarmUp, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);
        var one = await Loops.SequentialAsync(Plan.EndToEndSequential, Plan.PartBudget, clients[0].RunToCompletionAsync, cancellationToken);

        Progress($"trivial job end to end, {clients.Length} clients");
        await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrentWarmUp, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);
        var many = await Loops.ConcurrentAsync(clients.Length, Plan.EndToEndConcurrent, Plan.PartBudget,
            (client, token) => clients[client].RunToCompletionAsync(token), cancellationToken);

        report.NoteIfTruncated("end to end, 1 client", one);
        report.NoteIfTruncated($"end to end, {clients.Length} clients", many);
        var floor = floors.ForkMs + floors.HttpMs;
        var median = one.Latencies.Median;
        report.Add(new Row("trivial job end to end, 1 client, median", median, "ms", floor, "fork+http",
            new Target($"< {Plan.EndToEndMedianMsTarget} ms", median < Plan.EndToEndMedianMsTarget)));
        report.Add(new Row("trivial job end to end, 1 client, p95", one.Latencies.P95, "ms", floor, "fork+http"));
        report.Add(new Row($"trivial jobs completed, {clients.Length} clients", many.PerSecond, "/s",
            Target: new Target($">= {Plan.CompletedPerSecondTarget:N0}/s", many.PerSecond >= Plan.CompletedPerSecondTarget)));
        report.Add(new Row($"  end to end, {clients.Length} clients, median", many.Latencies.Median, "ms", floor, "fork+http"));
    }

    private static void Progress(string message) => Benchmark.Progress(message);
}
