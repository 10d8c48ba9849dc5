// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Auth;

namespace Meridian.Server.Api;

/// <summary>Finds the service and job a URL names, or answers 404 with what was not found.</summary>
public static class JobLookup
{
    public static ServiceDefinition Service(JobManager manager, string service) =>
        manager.Catalog.Find(service) ?? throw new RequestRejectedException(StatusCodes.Status404NotFound,
            $"No service is named '{service}'; this server offers: {string.Join(", ", manager.Catalog.Services.Select(s => s.Name).Order())}.");

    public static async Task<(ServiceDefinition Service, Job Job)> JobAsync(JobManager manager, HttpContext context, string service, string jobId)
    {
        var definition = Service(manager, service);
        var job = await manager.GetAsync(definition, jobId, OwnerResolver.OwnerOf(context), context.RequestAborted, OwnerResolver.IsAdmin(context));
        return job is null
            ? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"No job '{jobId}' in {service} (it may have been destroyed).")
            : (definition, job);
    }
}
