// SPDX-License-Identifier: MIT
using Meridian.Server.Operations;

namespace Meridian.Server;

/// <summary>
/// Everything around the UWS interface that lets clients discover the services and operators run them:
/// health probes and metrics (more to come: VOSI, descriptions, synchronous runs, provenance).
/// </summary>
public static class DescribeAndObserveSetup
{
    public static IServiceCollection AddDescribeAndObserve(this IServiceCollection services)
    {
        services.AddReadinessChecks();
        services.AddMetricsExport();
        return services;
    }

    public static IEndpointRouteBuilder MapDescribeAndObserve(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapMetrics();
        return app;
    }
}
