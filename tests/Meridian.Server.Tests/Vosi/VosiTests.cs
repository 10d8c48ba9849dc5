// SPDX-License-Identifier: MIT
using System.Net;
using System.Xml.Linq;
using Meridian.Compliance;

namespace Meridian.Server.Tests.Vosi;

/// <summary>/availability and /capabilities, each validated against the VOSI schemas and checked against the test services.</summary>
public sealed class VosiTests : IClassFixture<MeridianApplication>, IDisposable
{
    private static readonly XNamespace Availability = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly MeridianApplication _app;
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-vosi-").FullName;

    public VosiTests(MeridianApplication app) => _app = app;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact]
    public async Task Availability_IsValid_AndAvailable_WhenTheStoreAnswers()
    {
        var document = await GetVosiAsync(_app.Client, "/availability");
        Assert.Equal("true", document.Root!.Element(Availability + "available")!.Value);
        Assert.NotNull(document.Root.Element(Availability + "upSince"));
    }

    [Fact]
    public async Task Availability_IsValid_AndUnavailableWithAReason_WhilePostgresIsDown()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        using var node = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Store__Provider"] = "postgres",
            ["Store__ConnectionString"] = postgres.ConnectionString,
        });
        using var http = UwsClient.CreateHttp(node.BaseAddress);
        await postgres.StopServerAsync();

        var document = await GetVosiAsync(http, "/availability");

        Assert.Equal("false", document.Root!.Element(Availability + "available")!.Value);
        Assert.Null(document.Root.Element(Availability + "upSince"));
        Assert.Contains(document.Root.Elements(Availability + "note"), note => note.Value.Contains("cannot be reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capabilities_AreValid_WithOneUwsCapabilityPerService_AndTheVosiEndpoints()
    {
        var document = await GetVosiAsync(_app.Client, "/capabilities");
        var capabilities = document.Root!.Elements("capability").ToList();

        var byStandard = capabilities.ToLookup(c => c.Attribute("standardID")!.Value);
        Assert.Equal(new Uri(_app.BaseAddress, "/capabilities").ToString(), AccessUrl(byStandard["ivo://ivoa.net/std/VOSI#capabilities"].Single()));
        Assert.Equal(new Uri(_app.BaseAddress, "/availability").ToString(), AccessUrl(byStandard["ivo://ivoa.net/std/VOSI#availability"].Single()));
        var uws = byStandard["ivo://ivoa.net/std/UWS#rest-1.1"].ToList();
        Assert.Equal(["echo", "fail", "missing", "sleep", "tally", "upload"], uws.Select(c => new Uri(AccessUrl(c)).Segments[^1]));

        var echo = uws.Single(c => AccessUrl(c).EndsWith("/uws/echo", StringComparison.Ordinal));
        var face = echo.Element("interface")!;
        Assert.Equal("vs:ParamHTTP", face.Attribute(Xsi + "type")!.Value);
        Assert.Equal("1.1", face.Attribute("version")!.Value);
        Assert.Equal("base", face.Element("accessURL")!.Attribute("use")!.Value);
        var parameters = face.Elements("param").ToDictionary(p => p.Element("name")!.Value);
        Assert.Equal(["text", "count", "loud", "items"], parameters.Keys);
        Assert.Equal("long", parameters["count"].Element("dataType")!.Value);
        Assert.Equal("double", parameters["items"].Element("dataType")!.Value);
        Assert.Equal("*", parameters["items"].Element("dataType")!.Attribute("arraysize")!.Value);
        Assert.Equal("boolean", parameters["loud"].Element("dataType")!.Value);

        var upload = uws.Single(c => AccessUrl(c).EndsWith("/uws/upload", StringComparison.Ordinal)).Element("interface")!.Elements("param").First();
        Assert.Equal("required", upload.Attribute("use")!.Value);
        Assert.Contains("uploaded file", upload.Element("description")!.Value);
    }

    [Fact]
    public void VosiSchemas_RejectADocumentThatBreaksThem()
    {
        var wrong = XDocument.Parse("<a:availability xmlns:a='http://www.ivoa.net/xml/VOSIAvailability/v1.0'><a:available>maybe</a:available></a:availability>");
        Assert.NotEmpty(SchemaFiles.ValidateVosi(wrong));
    }

    private static string AccessUrl(XElement capability) => capability.Element("interface")!.Element("accessURL")!.Value;

    private static async Task<XDocument> GetVosiAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.ToString());
        var document = XDocument.Parse(body, LoadOptions.SetLineInfo);
        var problems = SchemaFiles.ValidateVosi(document);
        Assert.True(problems.Count == 0, $"GET {path} is not valid VOSI: {string.Join("; ", problems)}\n{body}");
        return document;
    }
}
