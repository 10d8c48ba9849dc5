// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Npgsql;

namespace Meridian.Storage.Postgres;

public sealed partial class PostgresJobStore
{
    /// <summary>The channel the trigger of Schema/0003_change_feed.sql notifies.</summary>
    internal const string Channel = "meridian_jobs";

    private const string ListenCommand = "LISTEN " + Channel;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(10);
    // How long the feed waits in silence before it checks that its connection still answers.
    private static readonly TimeSpan ListenKeepAlive = TimeSpan.FromSeconds(30);

    public async IAsyncEnumerable<JobChange> ReadChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = System.Threading.Channels.Channel.CreateUnbounded<JobChange>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = Task.Run(() => ListenAsync(changes.Writer, stop.Token), CancellationToken.None);
        try
        {
            // The listener completes the channel when cancelled, which ends this loop quietly.
            await foreach (var change in changes.Reader.ReadAllAsync(CancellationToken.None))
            {
                yield return change;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await listening;
        }
    }

    private async Task ListenAsync(ChannelWriter<JobChange> changes, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        var gap = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await using var connection = _listenSource.CreateConnection();
                    connection.Notification += (_, notification) => changes.TryWrite(ParseChange(notification.Payload));
                    await connection.OpenAsync(cancellationToken);
                    await ListenOnAsync(connection, cancellationToken);
                    if (gap)
                    {
                        // Notifications sent while nobody listened are lost: say that anything may have changed.
                        Log.ChangeFeedReconnected(_logger, Target);
                        changes.TryWrite(new JobChange(null, null));
                        gap = false;
                    }

                    delay = FirstRetryDelay;
                    while (true)
                    {
                        if (!await connection.WaitAsync(ListenKeepAlive, cancellationToken))
                        {
                            // A silent connection may be a dead one (a server gone without closing it): a round
                            // trip finds out, and LISTEN again changes nothing (its text stays in pg_stat_activity).
                            await ListenOnAsync(connection, cancellationToken);
                        }
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    gap = true;
                    Log.ChangeFeedLost(_logger, exception, Target, delay);
                    await Task.Delay(delay, cancellationToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled while waiting to reconnect.
        }
        finally
        {
            changes.TryComplete();
        }
    }

    private static async Task ListenOnAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ListenCommand, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>'id:PHASE', or 'id:' for a deleted job (see the trigger).</summary>
    internal static JobChange ParseChange(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new JobChange(payload, null);
        }

        var id = payload[..colon];
        return ExecutionPhases.TryParse(payload[(colon + 1)..], out var phase) ? new JobChange(id, phase) : new JobChange(id, null);
    }
}
