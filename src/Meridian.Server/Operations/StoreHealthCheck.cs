// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Operations;

/// <summary>Ready needs the job store: one cheap query (the head of the queue) must answer within a few seconds.</summary>
public sealed class StoreHealthCheck(IJobStore store) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            await store.ListQueuedAsync(1, timeout.Token);
            return HealthCheckResult.Healthy("The job store answers.");
        }
        catch (StoreUnavailableException exception)
        {
            return HealthCheckResult.Unhealthy($"The job store cannot be reached: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The job store did not answer within {Patience.TotalSeconds} s.");
        }
    }
}
