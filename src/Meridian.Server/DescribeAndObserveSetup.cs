// SPDX-License-Identifier: MIT
using Meridian.Server.DataLink;
using Meridian.Server.Describe;
using Meridian.Server.Operations;
using Meridian.Server.Provenance;
using Meridian.Server.Sync;
using Meridian.Server.Vosi;

namespace Meridian.Server;

/// <summary>
/// Everything around the UWS interface that lets clients discover the services and operators run them:
/// health probes and metrics, VOSI, synchronous runs, service descriptions, provenance.
/// </summary>
public static class DescribeAndObserveSetup
{
    public static IServiceCollection AddDescribeAndObserve(this IServiceCollection services)
    {
        services.AddReadinessChecks();
        services.AddMetricsExport();
        services.AddSingleton<ServerStart>();
        return services;
    }

    public static IEndpointRouteBuilder MapDescribeAndObserve(this IEndpointRouteBuilder app)
    {
        app.MapHealth();
        app.MapMetrics();
        app.MapVosi();
        app.MapSync();
        app.MapDescriptions();
        app.MapProvenance();
        app.MapDataLinks();
        return app;
    }
}
