// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Meridian.Bench;

/// <summary>How much of a planned loop ran, in how long, and how long each operation took.</summary>
internal sealed record LoopResult(int Planned, int Done, TimeSpan Elapsed, Samples Latencies)
{
    public double PerSecond => Done / Elapsed.TotalSeconds;

    /// <summary>True when the time budget ran out before the planned count.</summary>
    public bool Truncated => Done < Planned;
}

/// <summary>
/// The only loops the bench runs: each is bounded in count and in time. The time budget is checked before
/// each operation (never cancelling one midway, so no half-done request is counted), and every request
/// has its own client timeout, so a loop overruns its budget by at most one operation.
/// </summary>
internal static class Loops
{
    public static async Task<LoopResult> SequentialAsync(int count, TimeSpan budget, Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var samples = new Samples();
        var start = Stopwatch.GetTimestamp();
        var done = 0;
        while (done < count && Stopwatch.GetElapsedTime(start) < budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = Stopwatch.GetTimestamp();
            await operation(cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(before));
            done++;
        }

        return new LoopResult(count, done, Stopwatch.GetElapsedTime(start), samples);
    }

    /// <summary>
    /// <paramref name="total"/> operations shared by <paramref name="clients"/> workers, each taking the next
    /// one as soon as its previous one is done (a closed loop: at most one request per client in flight).
    /// </summary>
    public static async Task<LoopResult> ConcurrentAsync(
        int clients, int total, TimeSpan budget, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var samples = new Samples();
        var taken = 0;
        var done = 0;
        var start = Stopwatch.GetTimestamp();

        async Task WorkAsync(int client)
        {
            while (Stopwatch.GetElapsedTime(start) < budget && Interlocked.Increment(ref taken) <= total)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = Stopwatch.GetTimestamp();
                await operation(client, cancellationToken);
                samples.Add(Stopwatch.GetElapsedTime(before));
                Interlocked.Increment(ref done);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(() => WorkAsync(client), cancellationToken)));
        return new LoopResult(total, done, Stopwatch.GetElapsedTime(start), samples);
    }
}
