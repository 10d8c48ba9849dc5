// SPDX-License-Identifier: MIT
using Meridian.Engine.Lifecycle;
using Meridian.Protocol.Vosi;
using Meridian.Server.Api;
using Meridian.Server.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Vosi;

/// <summary>
/// The IVOA Support Interfaces: /availability (the readiness checks, as VOSI says them) and /capabilities
/// (one UWS capability per service, with its job-list URL and parameters; the VOSI endpoints themselves).
/// </summary>
public static class VosiEndpoints
{
    public const string UwsStandardId = "ivo://ivoa.net/std/UWS#rest-1.1";
    public const string CapabilitiesStandardId = "ivo://ivoa.net/std/VOSI#capabilities";
    public const string AvailabilityStandardId = "ivo://ivoa.net/std/VOSI#availability";

    public static IEndpointRouteBuilder MapVosi(this IEndpointRouteBuilder app)
    {
        app.ServiceProvider.GetRequiredService<ServerStart>();
        app.MapGet("/availability", GetAvailabilityAsync);
        app.MapGet("/capabilities", GetCapabilities);
        return app;
    }

    /// <summary>Always 200: an unavailable service says so in the document (VOSI), with the reasons as notes.</summary>
    public static async Task<IResult> GetAvailabilityAsync(HttpContext context, HealthCheckService health, ServerStart start)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthEndpoints.ReadyTag), context.RequestAborted);
        var available = report.Status == HealthStatus.Healthy;
        var notes = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Value.Description ?? e.Key).ToList();
        if (available)
        {
            notes.Add($"Meridian is accepting jobs: {string.Join(" ", report.Entries.Select(e => e.Value.Description))}");
        }

        return VosiDocument.Availability(new Availability(available, available ? start.At : null, notes));
    }

    public static IResult GetCapabilities(HttpContext context, JobManager manager)
    {
        var request = context.Request;
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var capabilities = new List<Capability>
        {
            new(CapabilitiesStandardId, "This list of capabilities.", [new CapabilityInterface($"{root}/capabilities", "full")]),
            new(AvailabilityStandardId, "Whether the services can take jobs now.", [new CapabilityInterface($"{root}/availability", "full")]),
            new(DataLink.DataLinkEndpoints.StandardId, "The links of a job (ID: its URL): results, previews, uploads, logs and provenance; also at {job}/links.",
                [new CapabilityInterface($"{root}/links", "full", "std", "1.1")]),
        };
        foreach (var service in manager.Catalog.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var jobList = new CapabilityInterface(JobDocuments.JobListUrl(request, service.Name), "base", "std", "1.1")
            {
                Parameters = service.Parameters.Select(VosiParameters.For).ToList(),
            };
            capabilities.Add(new Capability(UwsStandardId, $"{service.Name}: {service.Title} (UWS 1.1 job list)", [jobList]));
        }

        return VosiDocument.Capabilities(capabilities);
    }
}
