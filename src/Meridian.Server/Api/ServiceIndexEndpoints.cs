// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Lifecycle;

namespace Meridian.Server.Api;

/// <summary>GET /uws: the services offered, each with its job-list URL; the site's root leads there (or, for a browser, to its pages).</summary>
public static class ServiceIndexEndpoints
{
    public static IEndpointRouteBuilder MapServiceIndex(this IEndpointRouteBuilder app)
    {
        // A browser asking for a page gets the browser client; UWS clients and scripts get the service index.
        app.MapGet("/", (HttpContext context) => Results.Redirect(context.Request.PathBase + (WantsHtml(context.Request) ? "/web/" : "/uws")));
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

    private static bool WantsHtml(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(media => media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && media.Quality is not 0);
}
