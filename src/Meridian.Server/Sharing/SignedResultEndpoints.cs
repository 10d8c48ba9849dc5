// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Api;
using Meridian.Server.Auth;
using Meridian.Server.Http;

namespace Meridian.Server.Sharing;

/// <summary>
/// The owner of a job asks for a signed link to one of its results (POST {job}/signed-urls); anyone holding the
/// link (a desktop tool sent it over SAMP, without the browser's session) downloads that result until it expires.
/// </summary>
public static class SignedResultEndpoints
{
    public const string Prefix = "/shared";

    public static IEndpointRouteBuilder MapSignedResults(this IEndpointRouteBuilder app)
    {
        app.MapJobGroup().MapPost("/signed-urls", SignAsync).DisableAntiforgery();
        app.MapGet(Prefix + "/{service}/{jobId}/{expires}/{signature}/{**resultId}", DownloadAsync);
        return app;
    }

    public static async Task<IResult> SignAsync(OwnedJob owned, HttpContext context, SignedResultUrls urls)
    {
        var job = owned.Job;
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var resultId = form?["result"].ToString() ?? "";
        if (job.Results.All(r => r.Id != resultId))
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest,
                $"Name the result to share in the form field 'result'; this job has: {string.Join(", ", job.Results.Select(r => r.Id))}.");
        }

        var format = form?["format"].ToString() is { Length: > 0 } f ? f : null;
        if (format is not (null or "votable"))
        {
            throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"format '{format}' is not offered; leave it out, or ask for 'votable' (a CSV or TSV table as a VOTable).");
        }

        var signed = urls.Sign(job.Service, job.Id, resultId, format, job.OwnerId);
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/{Uri.EscapeDataString(job.Service)}/{Uri.EscapeDataString(job.Id)}/"
            + $"{signed.Expires.ToString(CultureInfo.InvariantCulture)}/{signed.Signature}/{string.Join('/', resultId.Split('/').Select(Uri.EscapeDataString))}"
            + (format is null ? "" : $"?format={format}");
        context.Response.Headers.CacheControl = "no-store";
        return Results.Json(new { url, expires = DateTimeOffset.FromUnixTimeSeconds(signed.Expires).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) });
    }

    public static async Task<IResult> DownloadAsync(string service, string jobId, string expires, string signature, string resultId,
        HttpContext context, JobManager manager, SignedResultUrls urls)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return PlainText.Forbidden("This download link is not one this server signed.");
        }

        var format = context.Request.Query["format"] is { Count: 1 } f ? f[0] : null;
        var definition = manager.Catalog.Find(service);
        var job = definition is null ? null : await manager.GetAsync(definition, jobId, ownerId: null, context.RequestAborted, anyOwner: true);
        // The same answer for a link whose job is gone as for a forged one: a link confirms nothing it does not sign.
        if (job is null || !urls.IsValid(service, jobId, resultId, format, expiry, job.OwnerId, signature))
        {
            return PlainText.Forbidden("This download link is not one this server signed, or its job no longer exists.");
        }

        if (urls.HasExpired(expiry))
        {
            return PlainText.Status(StatusCodes.Status410Gone, $"This download link expired at {DateTimeOffset.FromUnixTimeSeconds(expiry):yyyy-MM-ddTHH:mm:ssZ}; send the result again from its job's page for a new one.");
        }

        return ResultEndpoints.Send(context, manager, job, resultId);
    }
}
