// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>A finished job's page draws its provenance: the upload it used, the job, the results it generated, its agents.</summary>
public sealed class ProvenanceGraphTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task FinishedJob_ShowsItsProvenanceGraph_WithTheUploadAndResultsAndTheirHashes()
    {
        var table = "a\tb\n1\t2\n3\t4\n"u8.ToArray();
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(table), "table", "measurements.tsv" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await server.Http.PostAsync("/uws/table-stats", upload);
        var id = created.Headers.Location!.Segments[^1];
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "table-stats", id, "PENDING", "QUEUED", "EXECUTING"));
        var stats = await server.Http.GetByteArrayAsync($"/uws/table-stats/{id}/results/stats");
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/job.html?service=table-stats&id={id}");

        var graph = page.Locator("#provenance svg");
        var used = graph.Locator(".prov-entity", new() { HasText = "measurements.tsv" });
        await Expect(used).ToHaveCountAsync(1);
        await Expect(used.Locator("title")).ToContainTextAsync($"sha256: {Hex(table)}");
        await Expect(used.Locator("title")).ToContainTextAsync("used (upload)");
        var result = graph.Locator(".prov-entity", new() { HasText = "stats" });
        await Expect(result).ToHaveCountAsync(1);
        await Expect(result.Locator("title")).ToContainTextAsync($"sha256: {Hex(stats)}");
        await Expect(result.Locator("title")).ToContainTextAsync("generated (result)");
        await Expect(graph.Locator(".prov-activity")).ToContainTextAsync("table-stats job");
        await Expect(graph.Locator(".prov-agent")).ToHaveCountAsync(2);
        await Expect(graph.Locator(".prov-edge")).ToHaveCountAsync(await graph.Locator(".prov-entity").CountAsync() + 2);
        await Expect(page.Locator("#provenance .prov-list")).ToContainTextAsync($"sha256:{Hex(table)}");
        // Relative to the page, so that it stays right under a path prefix.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "PROV-N" })).ToHaveAttributeAsync("href", $"../uws/table-stats/{id}/provenance?format=provn");
        Assert.Equal(new Uri(server.Application.BaseAddress, $"uws/table-stats/{id}/provenance?format=provn").ToString(),
            await page.GetByRole(AriaRole.Link, new() { Name = "PROV-N" }).EvaluateAsync<string>("a => a.href"));
        await page.Locator("#provenance").ScrollIntoViewIfNeededAsync();
        await BrowserServer.ScreenshotAsync(page, "job-provenance");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task PendingJob_ShowsNoProvenanceYet()
    {
        var id = await Jobs.CreateAsync(server.Http, "hello", run: false);
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/job.html?service=hello&id={id}");

        await Expect(page.Locator("#phase")).ToContainTextAsync("PENDING");
        await Expect(page.Locator("#provenance")).ToBeEmptyAsync();
        Assert.Empty(server.PageErrors);
    }

    private static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
