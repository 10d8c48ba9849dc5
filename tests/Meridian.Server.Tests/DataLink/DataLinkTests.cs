// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Meridian.Compliance;

namespace Meridian.Server.Tests.DataLink;

/// <summary>
/// DataLink 1.1 for jobs: {job}/links and /links?ID=, valid VOTables that pyvo's DataLink parser reads, listing the
/// results (#this, #preview), logs (#auxiliary), uploads (#progenitor) and provenance with types and sizes.
/// </summary>
public sealed class DataLinkTests(ExampleServicesApplication examples) : IClassFixture<ExampleServicesApplication>
{
    private MeridianApplication App => examples.Application;

    [Fact]
    public async Task AJobsLinks_ListItsResultsPreviewLogsAndProvenance_AsPyvoReadsThem()
    {
        var uws = new UwsClient(App.Client);
        var job = await uws.CreateAsync("ud-visibility", ("theta", "2"), ("PHASE", "RUN"));
        var document = await uws.WaitForEndAsync(job);
        var results = UwsClient.ResultLinks(document);

        var links = await ReadWithPyvoAsync(job + "/links");

        var bySemantics = links.GetProperty("by_semantics");
        Assert.Equal([results["vis2"]], Urls(bySemantics, "#this"));
        Assert.Equal([results["plot"]], Urls(bySemantics, "#preview"));
        Assert.Equal(new[] { results["stdout"], results["stderr"], job + "/provenance" }.Order(), Urls(bySemantics, "#auxiliary").Order());
        var vis2 = links.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("access_url").GetString() == results["vis2"]);
        Assert.Equal(job, vis2.GetProperty("id").GetString());
        Assert.Equal("text/csv", vis2.GetProperty("content_type").GetString());
        Assert.Equal((await App.Client.GetByteArrayAsync(results["vis2"])).Length, vis2.GetProperty("content_length").GetInt64());
    }

    [Fact]
    public async Task AnUpload_IsTheJobsProgenitor_AndTheDocumentIsAValidVotable()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("x,y\n1,2\n3,4\n"u8.ToArray()), "table", "stars.csv" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await App.Client.PostAsync("/uws/table-stats", form);
        var job = created.Headers.Location!.ToString();
        await new UwsClient(App.Client).WaitForEndAsync(job);

        using var response = await App.Client.GetAsync(job + "/links");
        var body = await response.Content.ReadAsStringAsync();
        var links = await ReadWithPyvoAsync(job + "/links");

        Assert.Equal("application/x-votable+xml; content=datalink", response.Content.Headers.ContentType!.ToString().Replace(";content", "; content", StringComparison.Ordinal));
        Assert.Empty(SchemaFiles.ValidateVotable(XDocument.Parse(body)));
        var progenitor = Assert.Single(links.GetProperty("rows").EnumerateArray(), r => r.GetProperty("semantics").GetString() == "#progenitor");
        Assert.Equal(job + "/parameters/table", progenitor.GetProperty("access_url").GetString());
        Assert.Equal(12, progenitor.GetProperty("content_length").GetInt64());
        Assert.Contains("stars.csv", progenitor.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStandardLinksEndpoint_TakesTheJobAsID_AndIsAdvertised()
    {
        var uws = new UwsClient(App.Client);
        var job = await uws.CreateAsync("hello", ("PHASE", "RUN"));
        await uws.WaitForEndAsync(job);

        var links = await ReadWithPyvoAsync(new Uri(App.BaseAddress, "links?ID=" + Uri.EscapeDataString(job)).ToString());
        using var document = await App.Client.GetAsync(job);
        var capabilities = XDocument.Parse(await App.Client.GetStringAsync("/capabilities"));
        using var missing = await App.Client.GetAsync("/links");

        Assert.Contains(links.GetProperty("rows").EnumerateArray(), r => r.GetProperty("access_url").GetString() == job + "/results/greeting");
        Assert.Contains($"<{job}/links>", document.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        var capability = capabilities.Root!.Elements("capability").Single(c => (string?)c.Attribute("standardID") == "ivo://ivoa.net/std/DataLink#links-1.1");
        Assert.Equal(new Uri(App.BaseAddress, "links").ToString(), capability.Descendants("accessURL").Single().Value);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    private static IEnumerable<string> Urls(JsonElement bySemantics, string semantics) =>
        bySemantics.TryGetProperty(semantics, out var urls) ? urls.EnumerateArray().Select(u => u.GetString()!).ToList() : [];

    private static async Task<JsonElement> ReadWithPyvoAsync(string url)
    {
        var pyvo = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Clients", "pyvo_datalink.py"), url]);
        Assert.True(pyvo.ExitCode == 0, $"pyvo could not read {url}:\n{pyvo.Errors}");
        return JsonDocument.Parse(pyvo.Output).RootElement;
    }
}
