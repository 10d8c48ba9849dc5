// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Keeps this node's heartbeat in the store and ends, in ERROR, the jobs of nodes that fell silent for
/// longer than NodeTimeout: with several nodes on one database, a node killed mid-run leaves no job
/// EXECUTING for ever. A batch job of a dead node is not ended: its scheduler still runs it, and this node
/// adopts it.
/// </summary>
public sealed class NodeMonitor(
    IJobStore store, ServiceCatalog catalog, JobDispatcher dispatcher, PhaseWaiter waiter, IOptions<MeridianOptions> options,
    TimeProvider time, ILogger<NodeMonitor> logger)
    : BackgroundService
{
    private readonly MeridianOptions _options = options.Value;
    private readonly PhaseWriter _phases = new(store, waiter, logger);
    private DateTimeOffset? _healthySince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.NodeHeartbeatInterval, time);
        do
        {
            await BeatAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One heartbeat, then, if this node has itself been alive long enough to judge, the orphan sweep.</summary>
    public async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await store.HeartbeatAsync(_options.NodeId, now, cancellationToken);
            _healthySince ??= now;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // While this node cannot reach the store, the others' silence proves nothing either.
            _healthySince = null;
            Log.HeartbeatFailed(logger, exception, _options.NodeId);
            return 0;
        }

        // Right after a start, or after the store came back, every node's heartbeat looks old: wait a full
        // timeout of good health before calling anybody dead.
        if (now - _healthySince < _options.NodeTimeout)
        {
            return 0;
        }

        var settled = 0;
        foreach (var job in await store.ListOrphansAsync(now - _options.NodeTimeout, cancellationToken))
        {
            if (job.NodeId == _options.NodeId)
            {
                continue;
            }

            if (await dispatcher.TryAdoptAsync(job, cancellationToken))
            {
                settled++;
                continue;
            }

            var service = catalog.Find(job.Service);
            var change = new PhaseChange(ExecutionPhase.ERROR, now)
            {
                Error = new ErrorSummary(ErrorType.Transient,
                    $"The server node '{job.NodeId}' that was executing this job stopped responding, so the job did not finish. Submit it again.", false),
                Results = service is null ? [] : ResultCollector.Collect(service, new JobWorkspace(_options.JobsDirectory, job.Id)),
            };
            if (await _phases.TryMoveAsync(job, change, cancellationToken))
            {
                Log.NodeLost(logger, job.Id, job.NodeId);
                settled++;
            }
        }

        return settled;
    }
}
