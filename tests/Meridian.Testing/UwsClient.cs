// SPDX-License-Identifier: MIT
using System.Net;
using System.Xml.Linq;
using Meridian.Compliance;
using Meridian.Protocol;

namespace Meridian.Testing;

/// <summary>What a UWS client does, in a few lines per call, with the answers parsed for assertions.</summary>
public sealed class UwsClient(HttpClient http)
{
    public static readonly XNamespace Uws = UwsXmlWriter.UwsNamespace;
    public static readonly XNamespace Xlink = UwsXmlWriter.XlinkNamespace;

    public HttpClient Http => http;

    /// <summary>An HTTP client that does not follow redirects: the 303s are what the tests look at.</summary>
    public static HttpClient CreateHttp(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Creates a job and returns its URL (the 303's Location).</summary>
    public async Task<string> CreateAsync(string service, params (string Name, string Value)[] fields)
    {
        using var response = await PostAsync($"/uws/{service}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"creating a {service} job answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.ToString();
    }

    public Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    public async Task<XDocument> GetXmlAsync(string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/xml", response.Content.Headers.ContentType?.ToString());
        var document = XDocument.Parse(body);
        var problems = SchemaFiles.ValidateUws(document);
        Assert.True(problems.Count == 0, $"GET {url} is not valid UWS 1.1: {string.Join("; ", problems)}\n{body}");
        return document;
    }

    public async Task<string> GetTextAsync(string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<string> PhaseAsync(string jobUrl) => await GetTextAsync(jobUrl + "/phase");

    /// <summary>Blocks in WAIT until the job leaves the active phases (or the deadline passes), as pyvo does.</summary>
    public async Task<XDocument> WaitForEndAsync(string jobUrl, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var document = await GetXmlAsync($"{jobUrl}?WAIT=5");
            if (!UwsXmlReader.ReadJob(document).Phase.IsActive() || DateTime.UtcNow > deadline)
            {
                return document;
            }
        }
    }

    public static string Phase(XDocument job) => UwsXmlReader.ReadJob(job).Phase.ToWire();

    public static string? Value(XDocument job, string element) => job.Root!.Element(Uws + element)?.Value;

    public static XElement? ErrorSummary(XDocument job) => job.Root!.Element(Uws + "errorSummary");

    public static IReadOnlyDictionary<string, string> ResultLinks(XDocument job) =>
        UwsXmlReader.ReadJob(job).Results.ToDictionary(r => r.Id, r => r.Href);

    public static IReadOnlyList<(string Id, string Value)> Parameters(XDocument job) =>
        [.. UwsXmlReader.ReadJob(job).Parameters.Select(p => (p.Id, p.Value))];
}
