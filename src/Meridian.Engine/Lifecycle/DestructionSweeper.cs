// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>Destroys jobs past their destruction instant, with all their files, every DestructionSweepInterval.</summary>
public sealed class DestructionSweeper(
    IJobStore store, JobManager manager, IOptions<MeridianOptions> options, TimeProvider time, ILogger<DestructionSweeper> logger)
    : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DestructionSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: returns how many jobs were destroyed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var destroyed = 0;
        while (true)
        {
            var expired = await store.ListExpiredAsync(time.GetUtcNow(), Batch, cancellationToken);
            foreach (var id in expired)
            {
                if (await manager.DestroyAsync(id, cancellationToken))
                {
                    destroyed++;
                }
            }

            if (expired.Count < Batch)
            {
                return destroyed;
            }
        }
    }
}
