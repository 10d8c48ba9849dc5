// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Server.Operations;

/// <summary>/metrics in the Prometheus text format: the store's census first, then every listened instrument.</summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddMetricsExport(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<Engine.Diagnostics.JobMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<JobCensus>();
        return services;
    }

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        // Listening starts now, before the first request, so no request goes uncounted.
        app.ServiceProvider.GetRequiredService<PrometheusExporter>();
        app.MapGet("/metrics", GetMetricsAsync);
        return app;
    }

    public static async Task<IResult> GetMetricsAsync(HttpContext context, JobCensus census, PrometheusExporter exporter)
    {
        var output = new StringBuilder();
        await census.WriteToAsync(output, context.RequestAborted);
        exporter.WriteTo(output);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(output.ToString(), PrometheusText.ContentType);
    }
}
