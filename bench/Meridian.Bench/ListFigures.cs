// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>Job-list latency with the service holding <see cref="Plan.StoredJobs"/> jobs: in full, the newest ten, by phase.</summary>
internal static class ListFigures
{
    /// <summary>PENDING creations until the service holds <see cref="Plan.StoredJobs"/> jobs (the earlier parts' jobs count).</summary>
    public static async Task TopUpAsync(Report report, UwsClient[] clients, CancellationToken cancellationToken)
    {
        var stored = UwsClient.CountJobs(await clients[0].ListAsync("", cancellationToken));
        var missing = Math.Max(0, Plan.StoredJobs - stored);
        Benchmark.Progress($"topping up the job list from {stored:N0} to {Plan.StoredJobs:N0} jobs with PENDING creations");
        var topUp = await Loops.ConcurrentAsync(clients.Length, missing, Plan.PartBudget,
            (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
        report.NoteIfTruncated("top-up of the job list", topUp);
    }

    public static async Task MeasureAsync(Report report, UwsClient[] clients, FloorValues floors, CancellationToken cancellationToken)
    {
        var list = clients[0];
        var fullDocument = await list.ListAsync("", cancellationToken);
        var phaseDocument = await list.ListAsync("?PHASE=COMPLETED", cancellationToken);
        var stored = UwsClient.CountJobs(fullDocument);
        var completed = UwsClient.CountJobs(phaseDocument);
        var lastTen = UwsClient.CountJobs(await list.ListAsync("?LAST=10", cancellationToken));
        if (lastTen != Math.Min(10, stored))
        {
            throw new BenchException($"GET /uws/trivial?LAST=10 listed {lastTen} jobs out of {stored}");
        }

        report.Note($"job lists: the service held {stored:N0} jobs, {completed:N0} of them COMPLETED; "
            + $"the full list is {fullDocument.Length / 1e6:0.00} MB of XML, the COMPLETED one {phaseDocument.Length / 1e6:0.00} MB");

        Benchmark.Progress($"job lists over {stored:N0} jobs: full, LAST=10, PHASE=COMPLETED");
        var full = await TimeAsync(list, "", Plan.FullListWarmUp, Plan.FullLists, cancellationToken);
        var last = await TimeAsync(list, "?LAST=10", Plan.LastTenWarmUp, Plan.LastTens, cancellationToken);
        var phase = await TimeAsync(list, "?PHASE=COMPLETED", Plan.PhaseListWarmUp, Plan.PhaseLists, cancellationToken);
        report.NoteIfTruncated("full list", full);
        report.NoteIfTruncated("LAST=10", last);
        report.NoteIfTruncated("PHASE=COMPLETED", phase);

        report.Add(new Row($"list, full ({stored:N0} jobs), median", full.Latencies.Median, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"list, full ({stored:N0} jobs), p95", full.Latencies.P95, "ms", floors.HttpMs, "http"));
        report.Add(new Row("list, LAST=10, median", last.Latencies.Median, "ms", floors.HttpMs, "http",
            new Target($"< {Plan.LastTenMedianMsTarget} ms", last.Latencies.Median < Plan.LastTenMedianMsTarget)));
        report.Add(new Row("list, LAST=10, p95", last.Latencies.P95, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"list, PHASE=COMPLETED ({completed:N0} jobs), median", phase.Latencies.Median, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"list, PHASE=COMPLETED ({completed:N0} jobs), p95", phase.Latencies.P95, "ms", floors.HttpMs, "http"));
    }

    /// <summary>
    /// LAST=10 and PHASE=COMPLETED over the <see cref="Plan.ListStoredJobs"/> jobs a bulk insert left in the
    /// store (no full list: some 30 MB of XML). <paramref name="label"/> names the store in the rows.
    /// </summary>
    public static async Task<(LoopResult LastTen, LoopResult Phase)> MeasureBigAsync(
        Report report, UwsClient list, FloorValues floors, string label, CancellationToken cancellationToken)
    {
        var phaseDocument = await list.ListAsync("?PHASE=COMPLETED", cancellationToken);
        var completed = UwsClient.CountJobs(phaseDocument);
        var lastTen = UwsClient.CountJobs(await list.ListAsync("?LAST=10", cancellationToken));
        if (lastTen != 10)
        {
            throw new BenchException($"{label}GET /uws/trivial?LAST=10 listed {lastTen} jobs");
        }

        report.Note($"{label}job lists: {completed:N0} jobs COMPLETED ({phaseDocument.Length / 1e6:0.00} MB of XML)");
        Benchmark.Progress($"{label}job lists over {Plan.ListStoredJobs:N0} jobs: LAST=10, PHASE=COMPLETED");
        var last = await TimeAsync(list, "?LAST=10", Plan.BigLastTenWarmUp, Plan.BigLastTens, cancellationToken);
        var phase = await TimeAsync(list, "?PHASE=COMPLETED", Plan.BigPhaseListWarmUp, Plan.BigPhaseLists, cancellationToken);
        report.NoteIfTruncated(label + "LAST=10, 100,000 jobs", last);
        report.NoteIfTruncated(label + "PHASE=COMPLETED, 100,000 jobs", phase);
        var jobs = $"{Plan.ListStoredJobs:N0} jobs";
        report.Add(new Row($"{label}list, LAST=10 ({jobs}), median", last.Latencies.Median, "ms", floors.HttpMs, "http",
            new Target($"< {Plan.BigLastTenMedianMsTarget} ms", last.Latencies.Median < Plan.BigLastTenMedianMsTarget)));
        report.Add(new Row($"{label}list, LAST=10 ({jobs}), p95", last.Latencies.P95, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"{label}list, PHASE=COMPLETED ({completed:N0} of {jobs}), median", phase.Latencies.Median, "ms", floors.HttpMs, "http"));
        report.Add(new Row($"{label}list, PHASE=COMPLETED ({completed:N0} of {jobs}), p95", phase.Latencies.P95, "ms", floors.HttpMs, "http"));
        return (last, phase);
    }

    private static async Task<LoopResult> TimeAsync(UwsClient client, string query, int warmUp, int count, CancellationToken cancellationToken)
    {
        await Loops.SequentialAsync(warmUp, Plan.PartBudget, token => client.ListAsync(query, token), cancellationToken);
        return await Loops.SequentialAsync(count, Plan.PartBudget, token => client.ListAsync(query, token), cancellationToken);
    }
}
