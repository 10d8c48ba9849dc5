// SPDX-License-Identifier: MIT
using System.Diagnostics.Metrics;
using Meridian.Protocol;

namespace Meridian.Engine.Diagnostics;

/// <summary>
/// The engine's own measurements, on the "Meridian" meter: how long each job executed on this node, by
/// service and final phase. The meter comes from the host's IMeterFactory, so two servers in one process
/// (as in the tests) never mix their figures.
/// </summary>
public sealed class JobMetrics
{
    public const string MeterName = "Meridian";
    public const string JobDurationName = "meridian.job.duration";

    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(JobDurationName, "s", "Wall-clock time from the start of a job's execution to its end");
    }

    /// <summary>Records a job that this node executed and that ended in <paramref name="phase"/>.</summary>
    public void JobEnded(string service, ExecutionPhase phase, DateTimeOffset? start, DateTimeOffset end)
    {
        if (start is { } started)
        {
            _duration.Record(Math.Max(0, (end - started).TotalSeconds),
                new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("phase", phase.ToWire()));
        }
    }
}
