// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Meridian.Engine.Diagnostics;

namespace Meridian.Server.Operations;

/// <summary>
/// Listens to this server's meters (its own "Meridian" meter and ASP.NET Core's request metrics) and keeps
/// a running aggregate per instrument and label set, written out in the Prometheus text format. Only
/// instruments created through this host's IMeterFactory are heard, so two servers in one process stay apart.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly HashSet<string> Meters = new(StringComparer.Ordinal) { JobMetrics.MeterName, "Microsoft.AspNetCore.Hosting" };

    // Requests take milliseconds to seconds; jobs take seconds to hours.
    private static readonly double[] RequestBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
    private static readonly double[] JobBounds = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 86400];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, MetricSeries>> _series = new();
    // The series a measurement's tags, as they came, were found in: tags in another order that spell the same
    // labels find the same series through _series.
    private readonly ConcurrentDictionary<(Instrument, MeasurementTags), MetricSeries> _seen = new();

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && Meters.Contains(instrument.Meter.Name) && Kind(instrument) is not null)
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, MetricSeries>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void WriteTo(StringBuilder output)
    {
        foreach (var (instrument, series) in _series.OrderBy(pair => pair.Key.Name, StringComparer.Ordinal))
        {
            var kind = Kind(instrument)!;
            var name = PrometheusText.MetricName(instrument.Name, instrument.Unit) + (kind == "counter" ? "_total" : "");
            PrometheusText.Header(output, name, kind, instrument.Description);
            foreach (var one in series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal))
            {
                var (buckets, sum, count) = one.Snapshot();
                if (one.Bounds is null)
                {
                    PrometheusText.Sample(output, name, one.Labels, sum);
                    continue;
                }

                var cumulative = 0L;
                for (var i = 0; i <= one.Bounds.Count; i++)
                {
                    cumulative += buckets[i];
                    var le = i < one.Bounds.Count ? PrometheusText.Number(one.Bounds[i]) : "+Inf";
                    PrometheusText.Sample(output, name + "_bucket", PrometheusText.Join(one.Labels, $"le=\"{le}\""), cumulative);
                }

                PrometheusText.Sample(output, name + "_sum", one.Labels, sum);
                PrometheusText.Sample(output, name + "_count", one.Labels, count);
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string? Kind(Instrument instrument) => instrument switch
    {
        Histogram<double> or Histogram<long> or Histogram<int> => "histogram",
        Counter<double> or Counter<long> or Counter<int> => "counter",
        UpDownCounter<double> or UpDownCounter<long> or UpDownCounter<int> => "gauge",
        _ => null,
    };

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = (instrument, new MeasurementTags(tags));
        if (!_seen.TryGetValue(key, out var found))
        {
            if (!_series.TryGetValue(instrument, out var series))
            {
                return;
            }

            var bounds = Kind(instrument) != "histogram" ? null
                : instrument.Meter.Name == JobMetrics.MeterName ? JobBounds : RequestBounds;
            found = _seen.GetOrAdd(key, series.GetOrAdd(PrometheusText.Labels(key.Item2.Tags), static (labels, b) => new MetricSeries(labels, b), bounds));
        }

        found.Add(value);
    }
}
