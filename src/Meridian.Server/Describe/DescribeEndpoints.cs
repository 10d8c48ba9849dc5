// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Api;

namespace Meridian.Server.Describe;

/// <summary>
/// Service descriptions generated from the definitions: /openapi.json for the whole API, and per service
/// /describe/{service} (an HTML page), /describe/{service}/openapi.json and /describe/{service}/wadl. They live
/// outside /uws so that no path can be taken for a job id.
/// </summary>
public static class DescribeEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapDescriptions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi.json", (HttpContext context, JobManager manager) =>
            Json(OpenApiDocuments.ForApi(manager.Catalog.Services, Root(context.Request))));
        app.MapGet("/describe/{service}", (string service, HttpContext context, JobManager manager) =>
            Results.Content(ServicePage.Render(JobLookup.Service(manager, service), Root(context.Request)), "text/html; charset=utf-8"));
        app.MapGet("/describe/{service}/openapi.json", (string service, HttpContext context, JobManager manager) =>
            Json(OpenApiDocuments.ForService(JobLookup.Service(manager, service), Root(context.Request))));
        app.MapGet("/describe/{service}/wadl", (string service, HttpContext context, JobManager manager) =>
        {
            var definition = JobLookup.Service(manager, service);
            using var buffer = new MemoryStream();
            WadlDocument.Write(buffer, definition, Root(context.Request));
            return Results.Bytes(buffer.ToArray(), "application/vnd.sun.wadl+xml");
        });
        return app;
    }

    private static IResult Json(System.Text.Json.Nodes.JsonObject document) =>
        Results.Text(document.ToJsonString(Indented), "application/json; charset=utf-8");

    private static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
