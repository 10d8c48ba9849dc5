// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Api;
using Meridian.Server.Auth;

namespace Meridian.Server.Web;

/// <summary>
/// GET /api/jobs/{service}/{jobId}/uploads: the files a job was given, with the names they were uploaded under.
/// The UWS document lists an upload by its URL alone; a form filled from the job shows "stars.csv", and a
/// reproducing command uploads @stars.csv, so the pages read the names here. Owner-checked like the job itself.
/// </summary>
public static class JobUploadsEndpoints
{
    public static IEndpointRouteBuilder MapJobUploads(this IEndpointRouteBuilder app)
    {
        // Who may read it is who may read the job: the service access policy, then the owner check.
        app.MapGet("/api/jobs/{service}/{jobId}/uploads", ListAsync).RequireAuthorization(ServiceAccess.Policy);
        return app;
    }

    public static async Task<IResult> ListAsync(string service, string jobId, HttpContext context, JobManager manager)
    {
        var (definition, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        var jobUrl = JobDocuments.JobUrl(context.Request, definition.Name, job.Id);
        return Results.Json(job.Parameters.Where(p => p.Upload is not null).Select(p => new
        {
            parameter = p.Name,
            fileName = p.Upload!.FileName.Length > 0 ? p.Upload.FileName : Path.GetFileName(p.Upload.RelativePath),
            size = p.Upload.Size,
            mimeType = p.Upload.ContentType,
            href = $"{jobUrl}/parameters/{Uri.EscapeDataString(p.Name)}",
        }), JsonSerializerOptions.Web);
    }
}
