// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Xml.Linq;
using CsCheck;
using Xunit.Abstractions;

namespace Meridian.Server.Tests;

/// <summary>
/// A bounded, property-based fuzz over every endpoint: random creations (fields, controls, uploads with odd
/// names), then random operations on the job made (reads, WAIT, phase, parameters, destruction, deletion, its
/// children), job lists with random filters, /sync and /api/session. Properties: no answer is a 5xx, every
/// UWS document served is schema-valid, and the server still serves at the end.
/// </summary>
public sealed class EndpointFuzzTests(MeridianApplication app, ITestOutputHelper output) : IClassFixture<MeridianApplication>
{
    private static readonly string[] Pieces =
    [
        "1", "-1", "0", "3", "1e308", "NaN", "true", "RUN", "ABORT", "DELETE", "2030-01-01T00:00:00Z", "", " ", ",", "../..",
        "\0", "%", "日本", "$(id)", "'", "\"", "\r\n", "\r", "\uFFFE", "\uFFFF", "\u0001", "\ud800", "🔭", "<x/>", "&amp;",
        new string('z', 300), "/etc/passwd", "-1e-9",
    ];

    private static readonly string[] FieldNames =
        ["text", "count", "loud", "items", "seconds", "label", "PHASE", "RUNID", "EXECUTIONDURATION", "DESTRUCTION", "ACTION", "x", "", "TEXT"];

    private static readonly string[] Services = ["echo", "sleep", "upload", "fail", "nosuch"];

    private static readonly string[] Operations =
    [
        "get", "wait", "phase", "parameters", "upload", "destruction", "executionduration", "delete", "action-delete",
        "results", "parameters-doc", "error", "owner", "quote", "provenance", "parameter-file", "list", "sync", "session",
    ];

    private readonly UwsClient _uws = new(app.Client);
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _documents;

    private static readonly Gen<string> Text = Gen.OneOf(Pieces).Array[1, 4].Select(string.Concat);

    private static readonly Gen<(string Name, string Value)[]> Fields =
        Gen.Select(Gen.OneOf(FieldNames), Text, (name, value) => (name, value)).Array[0, 5];

    private static readonly Gen<(string Service, (string, string)[] Create, string[] Steps, (string, string)[] Change, string FileName)> Scenario =
        Gen.Select(Gen.OneOf(Services), Fields, Gen.OneOf(Operations).Array[1, 5], Fields, Text);

    [Fact]
    public async Task RandomRequestsOverEveryEndpoint_NeverAnswer5xx_AndEveryDocumentStaysValid()
    {
        await Scenario.SampleAsync(async scenario => await RunAsync(scenario), iter: 1000, threads: 1,
            print: s => $"{s.Service} create [{string.Join("&", s.Create)}] then {string.Join(",", s.Steps)} with [{string.Join("&", s.Change)}] file '{s.FileName}'");

        await _uws.GetXmlAsync("/uws/echo");
        Assert.Equal("PENDING", await _uws.PhaseAsync(await _uws.CreateAsync("echo", ("text", "still here"))));
        output.WriteLine($"{_statuses.Values.Sum()} requests, {_documents} UWS documents validated; statuses: "
            + string.Join(", ", _statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}×{pair.Value}")));
    }

    private async Task RunAsync((string Service, (string, string)[] Create, string[] Steps, (string, string)[] Change, string FileName) scenario)
    {
        var (service, create, steps, change, fileName) = scenario;
        var job = await CreateAsync(service, create, fileName);
        if (job is null && service != "nosuch")
        {
            // Most random creations are refused: the steps then work on a plain job, so that they meet real ones.
            job = await CreateAsync(service, service == "sleep" ? [("seconds", "1")] : service == "upload" ? [] : [("text", "plain")], "plain.txt");
        }

        job ??= $"/uws/{service}/AAAAAAAAAAAAAAAAAAAAAA";
        foreach (var step in steps)
        {
            using var response = step switch
            {
                "get" => await SendAsync(HttpMethod.Get, job),
                "wait" => await SendAsync(HttpMethod.Get, $"{job}?WAIT={Uri.EscapeDataString(change.Length > 0 ? change[0].Item2 : "1")}"),
                "phase" => await SendAsync(HttpMethod.Post, $"{job}/phase", Form([("PHASE", change.Length > 0 ? change[0].Item2 : "RUN")])),
                "parameters" => await SendAsync(HttpMethod.Post, $"{job}/parameters", Form(change)),
                "upload" => await SendAsync(HttpMethod.Post, $"{job}/parameters", Multipart(change, fileName)),
                "destruction" => await SendAsync(HttpMethod.Post, $"{job}/destruction", Form([("DESTRUCTION", fileName)])),
                "executionduration" => await SendAsync(HttpMethod.Post, $"{job}/executionduration", Form([("EXECUTIONDURATION", fileName)])),
                "delete" => await SendAsync(HttpMethod.Delete, job),
                "action-delete" => await SendAsync(HttpMethod.Post, job, Form([("ACTION", "DELETE"), .. change])),
                "results" => await SendAsync(HttpMethod.Get, $"{job}/results"),
                "parameters-doc" => await SendAsync(HttpMethod.Get, $"{job}/parameters"),
                "error" => await SendAsync(HttpMethod.Get, $"{job}/error"),
                "owner" => await SendAsync(HttpMethod.Get, $"{job}/owner"),
                "quote" => await SendAsync(HttpMethod.Get, $"{job}/quote"),
                "provenance" => await SendAsync(HttpMethod.Get, $"{job}/provenance"),
                "parameter-file" => await SendAsync(HttpMethod.Get, $"{job}/parameters/{Uri.EscapeDataString(fileName)}"),
                "list" => await SendAsync(HttpMethod.Get, $"/uws/{service}?{Query(change)}"),
                "sync" => await SendAsync(HttpMethod.Get, $"/sync/echo?{Query(change)}"),
                _ => await SendAsync(HttpMethod.Post, "/api/session", Form(change)),
            };
        }
    }

    private async Task<string?> CreateAsync(string service, (string, string)[] fields, string fileName)
    {
        using var created = service == "upload"
            ? await SendAsync(HttpMethod.Post, $"/uws/{service}", Multipart(fields, fileName))
            : await SendAsync(HttpMethod.Post, $"/uws/{service}", Form(fields));
        return created.StatusCode == HttpStatusCode.SeeOther ? created.Headers.Location!.ToString() : null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        var response = await app.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        _statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{method} {url} answered {status}: {body}");
        if (status == 200 && response.Content.Headers.ContentType?.MediaType == "application/xml" && !url.Contains("/results/", StringComparison.Ordinal))
        {
            var problems = Compliance.SchemaFiles.ValidateUws(XDocument.Parse(body));
            Assert.True(problems.Count == 0, $"{method} {url} is not valid UWS: {string.Join("; ", problems)}");
            Interlocked.Increment(ref _documents);
        }

        return response;
    }

    private static ByteArrayContent Form(IEnumerable<(string Name, string Value)> fields)
    {
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(Utf16Safe(f.Name))}={Uri.EscapeDataString(Utf16Safe(f.Value))}"));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>Raw multipart bytes, so that any file name reaches the server as UTF-8.</summary>
    private static ByteArrayContent Multipart(IEnumerable<(string Name, string Value)> fields, string fileName)
    {
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            body.Append($"--fz\r\nContent-Disposition: form-data; name=\"{name.Replace("\"", "", StringComparison.Ordinal)}\"\r\n\r\n{value}\r\n");
        }

        body.Append($"--fz\r\nContent-Disposition: form-data; name=\"data\"; filename=\"{fileName.Replace("\"", "", StringComparison.Ordinal)}\"\r\n\r\nline 1\nline 2\n\r\n--fz--\r\n");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Utf16Safe(body.ToString())));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=fz");
        return content;
    }

    private static string Query(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(Utf16Safe(f.Name))}={Uri.EscapeDataString(Utf16Safe(f.Value))}"));

    /// <summary>A lone surrogate cannot be sent as UTF-8: the client's encoder would throw, so it goes as U+FFFD.</summary>
    private static string Utf16Safe(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
}
