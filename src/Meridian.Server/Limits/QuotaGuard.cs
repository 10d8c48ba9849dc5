// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Storage;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Limits;

/// <summary>
/// Refuses a new job, before anything of it is written, when its owner is at one of the Meridian:Quotas.
/// Two creations racing each other may both pass a limit by one: the quota bounds use, it is not a lock.
/// </summary>
public sealed class QuotaGuard(IJobStore store, IOptions<QuotaSettings> settings)
{
    public async Task EnsureRoomForJobAsync(Caller caller, IReadOnlyList<FormUpload> uploads, CancellationToken cancellation)
    {
        var quotas = settings.Value;
        if (quotas is { MaxActiveJobs: null, MaxStoredJobs: null, MaxStoredBytes: null } || caller.IsAdmin)
        {
            return;
        }

        var owner = caller.OwnerId;
        var who = owner is null ? "The anonymous callers (counted as one user)" : $"User '{owner}'";
        var usage = await store.UsageAsync(owner, cancellation);
        if (usage.ActiveJobs >= quotas.MaxActiveJobs)
        {
            throw new RequestRejectedException(StatusCodes.Status429TooManyRequests,
                $"Quota MaxActiveJobs = {quotas.MaxActiveJobs} reached: {who} has {usage.ActiveJobs} jobs pending, queued, executing, held or suspended; wait for one to finish or abort one.");
        }

        if (usage.StoredJobs >= quotas.MaxStoredJobs)
        {
            throw new RequestRejectedException(StatusCodes.Status403Forbidden,
                $"Quota MaxStoredJobs = {quotas.MaxStoredJobs} reached: {who} has {usage.StoredJobs} stored jobs; delete some first.");
        }

        var adding = uploads.Sum(upload => upload.Length);
        if (usage.StoredBytes + adding > quotas.MaxStoredBytes)
        {
            throw new RequestRejectedException(StatusCodes.Status413PayloadTooLarge,
                $"Quota MaxStoredBytes = {quotas.MaxStoredBytes} bytes: {who} stores {usage.StoredBytes} bytes and this request uploads {adding} more; delete some jobs first.");
        }
    }
}
