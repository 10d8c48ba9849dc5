// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Auth;
using Meridian.Server.Http;

namespace Meridian.Server.Api;

/// <summary>
/// Finds the service and job a URL names, or answers 404 with what was not found, and 403 (UWS 1.1 §2.2, U86)
/// for a job of another owner. Job ids carry 128 random bits, so the 403 confirms nothing that could be probed.
/// </summary>
public static class JobLookup
{
    public static ServiceDefinition Service(JobManager manager, string service) =>
        manager.Catalog.Find(service) ?? throw new RequestRejectedException(StatusCodes.Status404NotFound,
            $"No service is named '{service}'; this server offers: {string.Join(", ", manager.Catalog.Services.Select(s => s.Name).Order())}.");

    public static async Task<(ServiceDefinition Service, Job Job)> JobAsync(JobManager manager, HttpContext context, string service, string jobId)
    {
        var definition = Service(manager, service);
        var job = await manager.GetAsync(definition, jobId, ownerId: null, context.RequestAborted, anyOwner: true)
            ?? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"No job '{jobId}' in {service} (it may have been destroyed).");
        if (!Caller.Of(context).MayUse(job.OwnerId))
        {
            throw new RequestRejectedException(StatusCodes.Status403Forbidden,
                $"Job '{jobId}' belongs to another user: only its owner (or an administrator) may see or change it.");
        }

        return (definition, job);
    }
}
