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

    /// <summary>
    /// The full list of a service holding exactly <see cref="Plan.ListedJobs"/> PENDING jobs (the "listed" service, filled
    /// here), with the CPU per list of what serves it.
    /// </summary>
    public static async Task MeasureThousandAsync(Report report, Uri server, Func<long> cpuTicks, string cpuName, FloorValues floors,
        CancellationToken cancellationToken, string label = "")
    {
        var clients = Enumerable.Range(0, Plan.Clients).Select(_ => new UwsClient(server, "listed")).ToArray();
        try
        {
            Benchmark.Progress($"{label}filling the listed service with {Plan.ListedJobs:N0} PENDING jobs, then timing its full list");
            var fill = await Loops.ConcurrentAsync(clients.Length, Plan.ListedJobs, Plan.PartBudget,
                (client, token) => clients[client].CreateAsync(run: false, token), cancellationToken);
            report.NoteIfTruncated(label + "filling the listed service", fill);
            var document = await clients[0].ListAsync("", cancellationToken);
            var listed = UwsClient.CountJobs(document);
            report.Note($"{label}the listed service's full list: {listed:N0} jobs, {document.Length / 1e3:0} kB of XML ({document.Length / Math.Max(1, listed)} B a job)");
            await Loops.SequentialAsync(Plan.ThousandListWarmUp, Plan.PartBudget, token => clients[0].ListAsync("", token), cancellationToken);
            var before = cpuTicks();
            var lists = await Loops.SequentialAsync(Plan.ThousandLists, Plan.PartBudget, token => clients[0].ListAsync("", token), cancellationToken);
            var cpu = CpuMeter.MillisecondsPer(cpuTicks() - before, lists.Done);
            report.NoteIfTruncated(label + "full list of 1,000 jobs", lists);
            var targets = label.Length == 0;
            report.Add(new Row($"{label}list, full ({listed:N0} jobs), median", lists.Latencies.Median, "ms", floors.HttpMs, "http",
                targets ? new Target($"<= {Plan.ListOfThousandMedianMsTarget} ms", lists.Latencies.Median <= Plan.ListOfThousandMedianMsTarget) : null));
            report.Add(new Row($"{label}list, full ({listed:N0} jobs), p95", lists.Latencies.P95, "ms", floors.HttpMs, "http"));
            report.Add(new Row($"{label}  {cpuName} CPU per full list ({listed:N0} jobs)", cpu, "ms"));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
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
        Report report, UwsClient list, FloorValues floors, Func<(long PeakKiB, long CurrentKiB)> memory, string label, CancellationToken cancellationToken)
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

        // The full list of every job, some 30 MB of XML: streamed, it must not raise the server's peak by anything like its size.
        Benchmark.Progress($"{label}full job list of {Plan.ListStoredJobs:N0} jobs, {Plan.BigFullLists} times");
        var peakBefore = memory().PeakKiB;
        var size = 0L;
        var full = await Loops.SequentialAsync(Plan.BigFullLists, Plan.PartBudget, async token =>
        {
            var document = await list.ListAsync("", token);
            size = document.Length;
            if (UwsClient.CountJobs(document) < Plan.ListStoredJobs)
            {
                throw new BenchException($"{label}the full list held {UwsClient.CountJobs(document):N0} jobs, fewer than the {Plan.ListStoredJobs:N0} stored");
            }
        }, cancellationToken);
        var growth = (memory().PeakKiB - peakBefore) / 1024.0;
        report.NoteIfTruncated(label + "full list, 100,000 jobs", full);
        report.Add(new Row($"{label}list, full ({jobs}, {size / 1e6:0.0} MB), median", full.Latencies.Median, "ms"));
        report.Add(new Row($"{label}  server peak resident (VmHWM) growth during it", growth, "MiB"));
        return (last, phase);
    }

    private static async Task<LoopResult> TimeAsync(UwsClient client, string query, int warmUp, int count, CancellationToken cancellationToken)
    {
        await Loops.SequentialAsync(warmUp, Plan.PartBudget, token => client.ListAsync(query, token), cancellationToken);
        return await Loops.SequentialAsync(count, Plan.PartBudget, token => client.ListAsync(query, token), cancellationToken);
    }
}
