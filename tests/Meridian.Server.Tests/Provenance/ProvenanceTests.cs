// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Meridian.Server.Tests.Provenance;

/// <summary>The provenance of a real job with an upload, its SHA-256 hashes recomputed here from the bytes sent and downloaded.</summary>
public sealed class ProvenanceTests : IClassFixture<MeridianApplication>
{
    private static readonly byte[] Upload = Encoding.UTF8.GetBytes("ra,dec\n10.5,-3.2\n11.0,-3.3\n");
    private readonly MeridianApplication _app;
    private readonly UwsClient _uws;

    public ProvenanceTests(MeridianApplication app)
    {
        _app = app;
        _uws = new UwsClient(app.Client);
    }

    [Fact]
    public async Task ProvJson_OfAFinishedJob_NamesItsRunInputsResultsAndOwner_WithTheirHashes()
    {
        var (jobUrl, job) = await RunUploadJobAsync();
        var prov = JsonNode.Parse(await GetAsync($"{jobUrl}/provenance", "application/json"))!;

        Assert.Equal(jobUrl + "/", prov["prefix"]!["job"]!.GetValue<string>());
        var run = prov["activity"]!["job:run"]!;
        Assert.Equal(UwsClient.Value(job, "startTime"), run["prov:startTime"]!.GetValue<string>());
        Assert.Equal(UwsClient.Value(job, "endTime"), run["prov:endTime"]!.GetValue<string>());
        Assert.Equal("upload", run["meridian:service"]!.GetValue<string>());
        Assert.Equal("COMPLETED", run["meridian:phase"]!.GetValue<string>());
        Assert.Equal("a \"quoted\" label", run["meridian:parameter_label"]!.GetValue<string>());

        var entities = prov["entity"]!.AsObject();
        var input = entities["job:parameters/data"]!;
        Assert.Equal(Sha256(Upload), input["meridian:sha256"]!.GetValue<string>());
        Assert.Equal(Upload.Length, input["meridian:size"]!.GetValue<long>());
        Assert.Equal("stars.csv", input["prov:label"]!.GetValue<string>());
        Assert.Contains(prov["used"]!.AsObject(), u => u.Value!["prov:entity"]!.GetValue<string>() == "job:parameters/data"
            && u.Value["prov:activity"]!.GetValue<string>() == "job:run");

        var results = UwsClient.ResultLinks(job);
        Assert.Equal(["copies/a.dat", "copies/b.dat", "count", "stderr", "stdout"], results.Keys.Order(StringComparer.Ordinal));
        var generated = prov["wasGeneratedBy"]!.AsObject().Select(g => g.Value!["prov:entity"]!.GetValue<string>()).ToHashSet();
        foreach (var (id, href) in results)
        {
            var entity = entities.Single(e => e.Value!["prov:location"]!.GetValue<string>() == href);
            Assert.Equal(Sha256(await _app.Client.GetByteArrayAsync(href)), entity.Value!["meridian:sha256"]!.GetValue<string>());
            Assert.Equal(id, entity.Value["prov:label"]!.GetValue<string>());
            Assert.Contains(entity.Key, generated);
        }

        Assert.Equal("prov:Person", prov["agent"]!["server:owner/anonymous"]!["prov:type"]!["$"]!.GetValue<string>());
        Assert.Equal("prov:SoftwareAgent", prov["agent"]!["server:describe/upload"]!["prov:type"]!["$"]!.GetValue<string>());
        Assert.Equal("2.1", prov["agent"]!["server:describe/upload"]!["meridian:version"]!.GetValue<string>());
        Assert.Equal(2, prov["wasAssociatedWith"]!.AsObject().Count);
    }

    [Fact]
    public async Task ProvN_OfAFinishedJob_StatesTheSameRecords()
    {
        var (jobUrl, job) = await RunUploadJobAsync();
        var provN = await GetAsync($"{jobUrl}/provenance?format=provn", "text/provenance-notation");
        var lines = provN.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("document", lines[0]);
        Assert.Equal("endDocument", lines[^1]);
        Assert.Contains($"prefix job <{jobUrl}/>", lines);
        Assert.Contains(lines, l => l.StartsWith($"activity(job:run, {UwsClient.Value(job, "startTime")}, {UwsClient.Value(job, "endTime")}, [", StringComparison.Ordinal)
            && l.Contains("meridian:parameter_label=\"a \\\"quoted\\\" label\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("entity(job:parameters/data, ", StringComparison.Ordinal) && l.Contains($"meridian:sha256=\"{Sha256(Upload)}\"", StringComparison.Ordinal));
        Assert.Contains($"used(job:run, job:parameters/data, {UwsClient.Value(job, "startTime")}, [prov:role=\"data\"])", lines);
        var count = Sha256(await _app.Client.GetByteArrayAsync(UwsClient.ResultLinks(job)["count"]));
        Assert.Contains(lines, l => l.StartsWith("entity(job:results/count, ", StringComparison.Ordinal) && l.Contains($"meridian:sha256=\"{count}\"", StringComparison.Ordinal));
        Assert.Contains($"wasGeneratedBy(job:results/count, job:run, {UwsClient.Value(job, "endTime")})", lines);
        Assert.Contains("wasAssociatedWith(job:run, server:owner/anonymous, -, [prov:role=\"owner\"])", lines);
    }

    [Fact]
    public async Task Provenance_OfAFailedJob_CarriesItsErrorSummary()
    {
        var jobUrl = await _uws.CreateAsync("fail", ("PHASE", "RUN"));
        Assert.Equal("ERROR", UwsClient.Phase(await _uws.WaitForEndAsync(jobUrl)));
        var prov = JsonNode.Parse(await GetAsync($"{jobUrl}/provenance", "application/json"))!;
        Assert.Contains("input file is corrupt", prov["activity"]!["job:run"]!["meridian:errorSummary"]!.GetValue<string>());
        Assert.Equal("3", prov["activity"]!["job:run"]!["meridian:parameter_code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Provenance_OfAPendingJob_Answers409_AndAnUnknownFormat400()
    {
        var jobUrl = await _uws.CreateAsync("echo");
        using (var pending = await _app.Client.GetAsync($"{jobUrl}/provenance"))
        {
            Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
            Assert.Contains("PENDING", await pending.Content.ReadAsStringAsync());
        }

        using var unknown = await _app.Client.GetAsync($"{jobUrl}/provenance?format=rdf");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private async Task<(string JobUrl, System.Xml.Linq.XDocument Job)> RunUploadJobAsync()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Upload);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "data", "stars.csv");
        form.Add(new StringContent("a \"quoted\" label"), "label");
        form.Add(new StringContent("RUN"), "PHASE");
        using var created = await _app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var jobUrl = created.Headers.Location!.ToString();
        var job = await _uws.WaitForEndAsync(jobUrl);
        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        return (jobUrl, job);
    }

    private async Task<string> GetAsync(string url, string mediaType)
    {
        using var response = await _app.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
