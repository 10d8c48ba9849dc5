// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Api;

namespace Meridian.Server.Web;

/// <summary>
/// GET /api/services/{service}: a service's parameters, their rules and relationships, and its results, as JSON.
/// The browser builds its forms from it alone, and checks in the page what the server will check again.
/// </summary>
public static class ServiceDescriptionEndpoints
{
    public static IEndpointRouteBuilder MapServiceDescriptions(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/services/{service}", Describe);
        return app;
    }

    public static IResult Describe(string service, HttpContext context, JobManager manager)
    {
        var definition = JobLookup.Service(manager, service);
        return Results.Json(new
        {
            name = definition.Name,
            title = definition.Title,
            description = definition.Description,
            jobs = JobDocuments.JobListUrl(context.Request, definition.Name),
            parameters = definition.Parameters.Select(Parameter),
            keyParameters = definition.KeyParameters,
            // A CSV/TSV result's declared columns: the quick plot labels its axes with their units.
            results = definition.Results.Select(r => new
            {
                name = r.Name,
                mimeType = r.MimeType,
                description = r.Description,
                columns = r.Columns.Select(c => new { name = c.Name, unit = c.Unit, ucd = c.Ucd }),
            }),
            executionDuration = new { @default = definition.Limits.DefaultExecutionDuration, max = definition.Limits.MaxExecutionDuration },
        }, JsonSerializerOptions.Web);
    }

    private static object Parameter(ParameterDefinition p) => new
    {
        name = p.Name,
        type = Wire(p.Type),
        itemType = p.ItemType is { } item ? Wire(item) : null,
        required = p.Required,
        @default = p.Default,
        min = p.Min,
        max = p.Max,
        // As the definition wrote it; the server matches it anchored, ^(?:pattern)$, and so does the page.
        pattern = p.Pattern is { } pattern ? Unanchored(pattern.ToString()) : null,
        patternHint = p.PatternHint,
        maxLength = p.ScalarType == ParameterType.String || p.IsStructured ? p.MaxLength : (int?)null,
        values = p.Values,
        maxSize = p.MaxSize,
        minItems = p.Type == ParameterType.List ? p.MinItems : (int?)null,
        maxItems = p.Type == ParameterType.List ? p.MaxItems : (int?)null,
        unit = p.Unit,
        title = p.Title,
        description = p.Description,
        when = p.When,
        excludes = p.Excludes,
        lessThan = p.LessThan,
        greaterThan = p.GreaterThan,
        // A record's fields or a table's columns, each described like a parameter; the rows a table takes.
        fields = p.IsStructured ? p.Fields.Select(Parameter) : null,
        minRows = p.Type == ParameterType.Table ? p.MinItems : (int?)null,
        maxRows = p.Type == ParameterType.Table ? p.MaxItems : (int?)null,
    };

    private static string Unanchored(string anchored) => anchored["^(?:".Length..^")$".Length];

    private static string Wire(ParameterType type) => type.ToString().ToLowerInvariant();
}
