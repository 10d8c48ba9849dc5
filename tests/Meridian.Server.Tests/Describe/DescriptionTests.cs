// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Tests.Describe;

/// <summary>The OpenAPI and WADL documents of the example services, parsed and checked against the definitions they come from.</summary>
public sealed class DescriptionTests : IClassFixture<ExampleServicesApplication>
{
    private static readonly XNamespace Wadl = "http://wadl.dev.java.net/2009/02";
    private readonly HttpClient _http;
    private readonly ServiceCatalog _catalog = ServiceCatalog.Load(Path.Combine(ExampleServicesApplication.RepositoryRoot(), "services"), new HashSet<string> { "local" });

    public DescriptionTests(ExampleServicesApplication app) => _http = app.Application.Client;

    public static TheoryData<string> Services => new() { "countdown", "hello", "table-stats", "ud-visibility" };

    [Theory]
    [MemberData(nameof(Services))]
    public async Task OpenApi_OfAService_DescribesEachParameterAndResultAsDefined(string name)
    {
        var service = _catalog.Find(name)!;
        var document = await GetJsonAsync($"/describe/{name}/openapi.json");

        Assert.Equal("3.0.3", document["openapi"]!.GetValue<string>());
        Assert.Equal(service.Title, document["info"]!["title"]!.GetValue<string>());
        var create = document["paths"]![$"/uws/{name}"]!["post"]!["requestBody"]!["content"]!;
        var form = (create["application/x-www-form-urlencoded"] ?? create["multipart/form-data"])!["schema"]!;
        var properties = form["properties"]!.AsObject();
        foreach (var parameter in service.Parameters)
        {
            CheckSchema(parameter, properties[parameter.Name]!.AsObject());
        }

        var required = form["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
        Assert.Equal(service.Parameters.Where(p => p.Required).Select(p => p.Name), required);
        var resultId = document["paths"]![$"/uws/{name}/{{jobId}}/results/{{resultId}}"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == "resultId")!;
        Assert.Equal([.. service.Results.Select(r => r.Name), "stdout", "stderr"], resultId["schema"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotNull(document["paths"]![$"/sync/{name}"]!["get"]);
        Assert.Equal(service.Results[0].MimeType, document["paths"]![$"/sync/{name}"]!["post"]!["responses"]!["200"]!["content"]!.AsObject().Single().Key);
    }

    [Fact]
    public async Task OpenApi_OfTheWholeApi_HoldsEveryServiceAndTheCommonEndpoints()
    {
        var document = await GetJsonAsync("/openapi.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        foreach (var service in _catalog.Services)
        {
            Assert.Contains($"/uws/{service.Name}", paths);
            Assert.Contains($"/uws/{service.Name}/{{jobId}}", paths);
            Assert.Contains($"/sync/{service.Name}", paths);
        }

        Assert.Contains("/capabilities", paths);
        Assert.Contains("/health/ready", paths);
        var operationIds = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => o.Value!["operationId"]!.GetValue<string>())).ToList();
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Wadl_OfAService_DescribesEachParameterAsDefined(string name)
    {
        var service = _catalog.Find(name)!;
        using var response = await _http.GetAsync($"/describe/{name}/wadl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sun.wadl+xml", response.Content.Headers.ContentType?.MediaType);
        var wadl = XDocument.Parse(await response.Content.ReadAsStringAsync());

        var resources = wadl.Root!.Element(Wadl + "resources")!;
        Assert.Equal(new Uri(_http.BaseAddress!, "/").ToString(), resources.Attribute("base")!.Value);
        var jobList = resources.Elements(Wadl + "resource").Single(r => r.Attribute("path")!.Value == $"uws/{name}");
        var create = jobList.Elements(Wadl + "method").Single(m => m.Attribute("name")!.Value == "POST");
        var parameters = create.Element(Wadl + "request")!.Element(Wadl + "representation")!.Elements(Wadl + "param")
            .ToDictionary(p => p.Attribute("name")!.Value);
        foreach (var parameter in service.Parameters)
        {
            var param = parameters[parameter.Name];
            Assert.Equal(parameter.Required ? "true" : "false", param.Attribute("required")!.Value);
            Assert.Equal(parameter.ScalarType switch
            {
                ParameterType.Integer => "xsd:long",
                ParameterType.Real => "xsd:double",
                ParameterType.File => "xsd:base64Binary",
                _ => "xsd:string",
            }, param.Attribute("type")!.Value);
            Assert.Equal(parameter.Type == ParameterType.List || parameter.Default.Count == 0 ? null : parameter.Default[0], param.Attribute("default")?.Value);
            Assert.Equal(parameter.Type == ParameterType.List ? "true" : null, param.Attribute("repeating")?.Value);
            Assert.Equal(parameter.Type == ParameterType.Enum ? parameter.Values : [], param.Elements(Wadl + "option").Select(o => o.Attribute("value")!.Value));
            if (parameter.Max is { } max)
            {
                Assert.Contains($"max {max.ToString(CultureInfo.InvariantCulture)}", param.Element(Wadl + "doc")!.Value);
            }
        }

        Assert.Contains(resources.Elements(Wadl + "resource"), r => r.Attribute("path")!.Value == $"sync/{name}");
    }

    [Fact]
    public async Task Descriptions_OfAnUnknownService_Answer404()
    {
        foreach (var path in new[] { "/describe/nothing", "/describe/nothing/openapi.json", "/describe/nothing/wadl" })
        {
            using var response = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private static void CheckSchema(ParameterDefinition parameter, JsonObject schema)
    {
        var scalar = parameter.Type == ParameterType.List ? schema["items"]!.AsObject() : schema;
        Assert.Equal(parameter.Type == ParameterType.List ? "array" : null, parameter.Type == ParameterType.List ? schema["type"]!.GetValue<string>() : null);
        Assert.Equal(parameter.ScalarType switch
        {
            ParameterType.Integer => "integer",
            ParameterType.Real => "number",
            ParameterType.Boolean => "boolean",
            _ => "string",
        }, scalar["type"]!.GetValue<string>());
        Assert.Equal(parameter.Min, scalar["minimum"]?.GetValue<double>());
        Assert.Equal(parameter.Max, scalar["maximum"]?.GetValue<double>());
        Assert.Equal(parameter.Values, scalar["enum"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);
        Assert.Equal(parameter.Type == ParameterType.File ? "binary" : parameter.ScalarType == ParameterType.Real ? "double" : parameter.ScalarType == ParameterType.Integer ? "int64" : null,
            scalar["format"]?.GetValue<string>());
        if (parameter.Pattern is not null)
        {
            Assert.Matches(scalar["pattern"]!.GetValue<string>(), parameter.Default[0]);
            Assert.DoesNotMatch(scalar["pattern"]!.GetValue<string>(), "1" + parameter.Default[0]);
        }

        var defaults = parameter.Type == ParameterType.List
            ? schema["default"]?.AsArray().Select(n => Canonical(n!)).ToList()
            : schema["default"] is { } value ? [Canonical(value)] : null;
        Assert.Equal(parameter.Default, defaults ?? []);
        if (parameter.Unit is not null)
        {
            Assert.Equal(parameter.Unit, schema["x-unit"]!.GetValue<string>());
        }
    }

    /// <summary>A JSON default in the binder's canonical spelling, to compare with the definition.</summary>
    private static string Canonical(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => node.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        _ => node.GetValue<string>(),
    };

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }
}
