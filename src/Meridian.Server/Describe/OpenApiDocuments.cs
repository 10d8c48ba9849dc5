// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;

namespace Meridian.Server.Describe;

/// <summary>
/// OpenAPI 3.0 documents generated from the service definitions: one per service (its job list, jobs, results
/// and synchronous endpoint, with its parameters as typed schemas) and one for the whole API.
/// </summary>
public static class OpenApiDocuments
{
    public const string Version = "3.0.3";
    private const string Xml = "application/xml";

    public static JsonObject ForService(ServiceDefinition service, string root) =>
        Document(service.Title, service.Description, root, ServicePaths(service));

    public static JsonObject ForApi(IEnumerable<ServiceDefinition> services, string root)
    {
        var paths = CommonPaths();
        foreach (var service in services.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            foreach (var (path, item) in ServicePaths(service))
            {
                paths[path] = item!.DeepClone();
            }
        }

        return Document("Meridian", "UWS 1.1 job services wrapping command-line codes, with VOSI, descriptions, health and metrics.", root, paths);
    }

    private static JsonObject Document(string title, string description, string root, JsonObject paths) => new()
    {
        ["openapi"] = Version,
        ["info"] = new JsonObject { ["title"] = title, ["description"] = description, ["version"] = "1.1" },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = root }),
        ["paths"] = paths,
    };

    private static JsonObject ServicePaths(ServiceDefinition service)
    {
        var list = $"/uws/{service.Name}";
        var job = $"{list}/{{jobId}}";
        var jobId = new JsonObject
        {
            ["name"] = "jobId", ["in"] = "path", ["required"] = true,
            ["schema"] = new JsonObject { ["type"] = "string", ["pattern"] = $"^[A-Za-z0-9_-]{{{JobId.Length}}}$" },
        };
        var resultIds = new JsonArray([.. service.Results.Where(r => r.Path is not null).Select(r => (JsonNode)r.Name),
            .. (service.ListStreams ? new JsonNode[] { "stdout", "stderr" } : [])]);
        return new JsonObject
        {
            [list] = new JsonObject
            {
                ["get"] = Operation($"{service.Name}-list", "The job list, newest first", Responses(("200", "The job list (uws:jobs)", Xml)),
                    Query("PHASE", "Only jobs in these phases (repeatable)", new JsonObject { ["type"] = "string" }),
                    Query("AFTER", "Only jobs created after this instant", new JsonObject { ["type"] = "string", ["format"] = "date-time" }),
                    Query("LAST", "Only the newest N jobs", new JsonObject { ["type"] = "integer", ["minimum"] = 1 })),
                ["post"] = WithBody(Operation($"{service.Name}-create", $"Creates a job of {service.Name}; PHASE=RUN queues it at once",
                    Responses(("303", "The job's URL in Location", null), ("400", "A parameter is wrong (the reason as text)", "text/plain"), ("413", "The request is too large", "text/plain"))), service, control: true),
            },
            [job] = new JsonObject
            {
                ["parameters"] = new JsonArray(jobId),
                ["get"] = Operation($"{service.Name}-job", "The job (uws:job); WAIT blocks until it changes", Responses(("200", "The job", Xml), ("404", "No such job", "text/plain")),
                    Query("WAIT", "Seconds to block while the job is active (-1: the server's maximum)", new JsonObject { ["type"] = "integer", ["minimum"] = -1 }),
                    Query("PHASE", "Return at once unless the job is in this phase", new JsonObject { ["type"] = "string" })),
                ["delete"] = Operation($"{service.Name}-destroy", "Destroys the job and its files", Responses(("303", "The job list", null))),
            },
            [$"{job}/results/{{resultId}}"] = new JsonObject
            {
                ["parameters"] = new JsonArray(jobId.DeepClone(), new JsonObject
                {
                    ["name"] = "resultId", ["in"] = "path", ["required"] = true,
                    ["description"] = Describe(service.Results),
                    // A glob result names each file by its path, so only services without globs have a closed list.
                    ["schema"] = service.Results.Any(r => r.Glob is not null) ? new JsonObject { ["type"] = "string" } : new JsonObject { ["type"] = "string", ["enum"] = resultIds },
                }),
                ["get"] = Operation($"{service.Name}-result", "One result file", Responses(("200", "The file", "*/*"), ("404", "No such result", "text/plain"))),
            },
            [$"/sync/{service.Name}"] = new JsonObject
            {
                ["get"] = Operation($"{service.Name}-sync-get", "Runs a job and answers with its main result", SyncResponses(service),
                    [.. service.Parameters.Where(p => p.Type != ParameterType.File).Select(p => Query(p.Name, null, ParameterSchemas.For(p), p.Required))]),
                ["post"] = WithBody(Operation($"{service.Name}-sync-post", "Runs a job and answers with its main result", SyncResponses(service)), service, control: false),
            },
        };
    }

    private static JsonObject CommonPaths() => new()
    {
        ["/uws"] = new JsonObject { ["get"] = Operation("services", "The services, each with its job-list URL", Responses(("200", "The services", "application/json"))) },
        ["/availability"] = new JsonObject { ["get"] = Operation("availability", "VOSI availability", Responses(("200", "vosi:availability", Xml))) },
        ["/capabilities"] = new JsonObject { ["get"] = Operation("capabilities", "VOSI capabilities", Responses(("200", "vosi:capabilities", Xml))) },
        ["/health/live"] = new JsonObject { ["get"] = Operation("live", "Liveness", Responses(("200", "The process serves requests", "application/json"))) },
        ["/health/ready"] = new JsonObject { ["get"] = Operation("ready", "Readiness", Responses(("200", "Ready", "application/json"), ("503", "Not ready, with the reasons", "application/json"))) },
        ["/metrics"] = new JsonObject { ["get"] = Operation("metrics", "Prometheus metrics", Responses(("200", "The text exposition format", "text/plain"))) },
    };

    private static JsonObject SyncResponses(ServiceDefinition service) => Responses(
        ("200", "The main result", (service.Results.Count > 0 ? service.Results[0].MimeType : "text/plain")),
        ("303", "The job is still running after the server's wait cap: its URL in Location", null),
        ("400", "A parameter is wrong", "text/plain"), ("409", "The job was aborted", "text/plain"),
        ("422", "The job failed: its error summary", "text/plain"), ("503", "A transient failure", "text/plain"));

    private static JsonObject WithBody(JsonObject operation, ServiceDefinition service, bool control)
    {
        var properties = new JsonObject();
        foreach (var parameter in service.Parameters)
        {
            properties[parameter.Name] = ParameterSchemas.For(parameter);
        }

        if (control)
        {
            properties["PHASE"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("RUN") };
            properties["RUNID"] = new JsonObject { ["type"] = "string" };
        }

        properties["EXECUTIONDURATION"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = service.Limits.MaxExecutionDuration, ["default"] = service.Limits.DefaultExecutionDuration };
        properties["DESTRUCTION"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        var required = new JsonArray([.. service.Parameters.Where(p => p.Required).Select(p => (JsonNode)p.Name)]);
        var content = new JsonObject();
        var hasFiles = service.Parameters.Any(p => p.Type == ParameterType.File);
        foreach (var mediaType in hasFiles ? ["multipart/form-data"] : new[] { "application/x-www-form-urlencoded", "multipart/form-data" })
        {
            var schema = new JsonObject { ["type"] = "object", ["properties"] = properties.DeepClone() };
            if (required.Count > 0)
            {
                schema["required"] = required.DeepClone();
            }

            content[mediaType] = new JsonObject { ["schema"] = schema };
        }

        operation["requestBody"] = new JsonObject { ["required"] = required.Count > 0, ["content"] = content };
        return operation;
    }

    private static JsonObject Operation(string id, string summary, JsonObject responses, params JsonObject[] parameters)
    {
        var operation = new JsonObject { ["operationId"] = id, ["summary"] = summary };
        if (parameters.Length > 0)
        {
            operation["parameters"] = new JsonArray([.. parameters]);
        }

        operation["responses"] = responses;
        return operation;
    }

    private static JsonObject Query(string name, string? description, JsonObject schema, bool required = false)
    {
        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = required, ["schema"] = schema };
        if (description is not null)
        {
            parameter["description"] = description;
        }

        return parameter;
    }

    private static JsonObject Responses(params (string Status, string Description, string? MediaType)[] responses)
    {
        var result = new JsonObject();
        foreach (var (status, description, mediaType) in responses)
        {
            var response = new JsonObject { ["description"] = description };
            if (mediaType is not null)
            {
                response["content"] = new JsonObject { [mediaType] = new JsonObject() };
            }

            result[status] = response;
        }

        return result;
    }

    private static string Describe(IReadOnlyList<ResultDefinition> results) =>
        string.Join("; ", results.Select(r => $"{r.Name} ({r.MimeType}{(r.Glob is null ? "" : $", one result per file matching {r.Glob}, named by its path")}){(r.Description is null ? "" : ": " + r.Description)}")
            .Append("stdout, stderr (text/plain)"));
}
