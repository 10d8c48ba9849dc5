// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Meridian.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Relays changes made by any node (when the store offers a change feed) to this node's WAIT requests and
/// dispatcher. Without a feed (SQLite: one node) it has nothing to do.
/// </summary>
public sealed class JobChangeListener(IEnumerable<IJobChangeFeed> feeds, PhaseWaiter waiter, JobDispatcher dispatcher, TimeProvider time, ILogger<JobChangeListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var feed = feeds.FirstOrDefault();
        if (feed is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in feed.ReadChangesAsync(stoppingToken))
                {
                    if (change.Id is null)
                    {
                        waiter.NotifyAll();
                    }
                    else
                    {
                        waiter.Notify(change.Id);
                    }

                    dispatcher.OnStoreChange(change);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ChangeFeedFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }
}
