// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Lifecycle;

namespace Meridian.Server.Api;

/// <summary>GET /uws: the services offered, each with its job-list URL; the site's root leads there.</summary>
public static class ServiceIndexEndpoints
{
    public static IEndpointRouteBuilder MapServiceIndex(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/uws"));
        app.MapGet("/uws", (HttpContext context, JobManager manager) =>
        {
            var services = manager.Catalog.Services.OrderBy(s => s.Name).Select(s => new
            {
                name = s.Name,
                title = s.Title,
                description = s.Description,
                jobs = JobDocuments.JobListUrl(context.Request, s.Name),
            });
            return Results.Json(services, JsonSerializerOptions.Web);
        });
        return app;
    }
}
