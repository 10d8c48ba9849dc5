// SPDX-License-Identifier: MIT
using System.Threading.Channels;
using Meridian.Engine.Storage;
using Xunit.Sdk;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>Reads a change feed in the background and lets a test wait for the change it expects.</summary>
internal sealed class FeedRecorder : IAsyncDisposable
{
    private readonly Channel<JobChange> _seen = Channel.CreateUnbounded<JobChange>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public FeedRecorder(IJobChangeFeed feed)
    {
        _reading = Task.Run(async () =>
        {
            await foreach (var change in feed.ReadChangesAsync(_stop.Token))
            {
                _seen.Writer.TryWrite(change);
            }
        });
    }

    /// <summary>The first change (skipping others, e.g. of other tests' schemas) that matches.</summary>
    public async Task<JobChange> NextAsync(Func<JobChange, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var change = await _seen.Reader.ReadAsync(timeout.Token);
                if (match(change))
                {
                    return change;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new XunitException($"the feed reported no such change within {within}");
        }
    }

    /// <summary>Stops reading; throws what the feed threw, or a timeout when it does not end within 5 s.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _stop.Dispose();
        }
    }
}
