// SPDX-License-Identifier: MIT
namespace Meridian.Server.Operations;

/// <summary>
/// The running aggregate of one instrument for one set of labels: a sum (counters, up-down counters) or a
/// histogram (cumulative bucket counts, sum and count), as the Prometheus text format shows them.
/// </summary>
public sealed class MetricSeries(string labels, IReadOnlyList<double>? bounds)
{
    private readonly Lock _gate = new();
    private readonly long[] _buckets = new long[(bounds?.Count ?? 0) + 1];
    private double _sum;
    private long _count;

    /// <summary>The labels, already in Prometheus form (name="value",…), without braces.</summary>
    public string Labels => labels;

    public IReadOnlyList<double>? Bounds => bounds;

    public void Add(double value)
    {
        lock (_gate)
        {
            _sum += value;
            _count++;
            if (bounds is not null)
            {
                var index = 0;
                while (index < bounds.Count && value > bounds[index])
                {
                    index++;
                }

                _buckets[index]++;
            }
        }
    }

    /// <summary>A consistent copy: per-bucket counts (not yet cumulative), the sum and the count.</summary>
    public (long[] Buckets, double Sum, long Count) Snapshot()
    {
        lock (_gate)
        {
            return ((long[])_buckets.Clone(), _sum, _count);
        }
    }
}
