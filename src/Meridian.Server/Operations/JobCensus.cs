// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Storage;
using Meridian.Protocol;

namespace Meridian.Server.Operations;

/// <summary>
/// The gauges read from the store at each scrape, so that every node reports the same truth whichever ran
/// the jobs: jobs by service and phase, and the queue length; plus the jobs executing on this node. The
/// store counts them itself (CountByPhaseAsync).
/// </summary>
public sealed class JobCensus(IJobStore store, ServiceCatalog catalog, JobDispatcher dispatcher)
{
    private static readonly HashSet<ExecutionPhase> AllPhases = [.. Enum.GetValues<ExecutionPhase>()];

    public async Task WriteToAsync(StringBuilder output, CancellationToken cancellationToken)
    {
        var counts = new List<(string Service, ExecutionPhase Phase, long Count)>();
        var storeUp = true;
        try
        {
            // One GROUP BY in the store, not a read of every job: a scrape costs the same with 100 jobs or 100,000.
            var stored = (await store.CountByPhaseAsync(cancellationToken)).ToDictionary(c => (c.Service, c.Phase), c => c.Count);
            foreach (var service in catalog.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                counts.AddRange(AllPhases.Order().Select(phase => (service.Name, phase, stored.GetValueOrDefault((service.Name, phase)))));
            }
        }
        catch (StoreUnavailableException)
        {
            storeUp = false;
        }

        PrometheusText.Header(output, "meridian_store_up", "gauge", "1 when the job store answered this scrape, 0 when it could not be reached");
        PrometheusText.Sample(output, "meridian_store_up", "", storeUp ? 1 : 0);
        PrometheusText.Header(output, "meridian_executing_jobs", "gauge", "Jobs executing on this node now");
        PrometheusText.Sample(output, "meridian_executing_jobs", "", dispatcher.RunningCount);
        if (!storeUp)
        {
            return;
        }

        PrometheusText.Header(output, "meridian_jobs", "gauge", "Jobs in the store, by service and phase");
        foreach (var (service, phase, count) in counts)
        {
            PrometheusText.Sample(output, "meridian_jobs", $"service=\"{PrometheusText.Escape(service)}\",phase=\"{phase.ToWire()}\"", count);
        }

        PrometheusText.Header(output, "meridian_queue_length", "gauge", "QUEUED jobs waiting for an execution slot, all services");
        PrometheusText.Sample(output, "meridian_queue_length", "", counts.Where(c => c.Phase == ExecutionPhase.QUEUED).Sum(c => c.Count));
    }
}
