// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>A job's page: results previewed, stderr shown as text, Run again, Delete.</summary>
public sealed class JobPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task VisibilityJob_PreviewsTheCsvAsASortableTableWithAPlot_AndTheSvgAsAnImage()
    {
        var id = await Jobs.CreateAsync(server.Http, "ud-visibility", run: true, ("theta", "2.5"), ("baselines", "10 300 50 200 100"));
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/job.html?service=ud-visibility&id={id}");

        var table = page.Locator("[data-result=vis2] table");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(5);
        await table.GetByRole(AriaRole.Button, new() { Name = "vis2" }).ClickAsync();
        await Expect(table.Locator("th").Nth(2)).ToHaveAttributeAsync("aria-sort", "ascending");
        var column = await table.Locator("tbody tr td:nth-child(3)").AllTextContentsAsync();
        Assert.Equal(column.OrderBy(double.Parse), column);
        await Expect(page.Locator("[data-result=vis2] figure svg circle")).ToHaveCountAsync(5);
        await page.Locator("[data-result=vis2] select").First.SelectOptionAsync(new SelectOptionValue { Label = "spatial_frequency_cycles_per_arcsec" });
        await Expect(page.Locator("[data-result=vis2] figcaption")).ToHaveTextAsync("vis2 against spatial_frequency_cycles_per_arcsec");
        var image = page.Locator("[data-result=plot] img");
        await image.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-result=plot] img')?.naturalWidth > 0");
        await BrowserServer.ScreenshotAsync(page, "job-results");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task FailedJob_ShowsItsStderrAsText_WhenItHoldsMarkup()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=shout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("ERROR");
        var stderr = page.Locator("#stderr");
        await Expect(stderr).ToContainTextAsync("<script>window.shouted = true</script><b>bold</b>");
        Assert.Equal(0, await stderr.Locator("script, b").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.shouted === true"), "the stderr's script ran");
        await Expect(page.Locator("#error .error")).ToContainTextAsync("exited with code 4");
        await BrowserServer.ScreenshotAsync(page, "job-error");
    }

    [Fact]
    public async Task RunAgain_CreatesANewJobWithTheSameParameters()
    {
        var id = await Jobs.CreateAsync(server.Http, "hello", run: true, ("name", "Grace Hopper"), ("times", "2"));
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=hello&id={id}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();

        await BrowserServer.LeavesAsync(page, id);
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=greeting] pre")).ToHaveTextAsync("Hello, Grace Hopper!\nHello, Grace Hopper!\n");
        Assert.NotEqual(id, BrowserServer.JobIdOf(page));
    }

    [Fact]
    public async Task RunAgain_SendsTheUploadedFileAgain()
    {
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("a\tb\n1\t2\n3\t4\n"u8.ToArray()), "table", "t.tsv" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await server.Http.PostAsync("/uws/table-stats", upload);
        var id = created.Headers.Location!.Segments[^1];
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=table-stats&id={id}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();

        await BrowserServer.LeavesAsync(page, id);
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=stats] tbody tr")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Delete_DestroysTheJobAfterConfirmation_AndOpensTheList()
    {
        var id = await Jobs.CreateAsync(server.Http, "hello", run: false);
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=hello&id={id}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("PENDING");
        string? question = null;
        page.Dialog += (_, dialog) => question = dialog.Message;

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await BrowserServer.ArrivesAtAsync(page, new Regex(@"/jobs\.html\?service=hello$"));
        Assert.Equal("Delete this job and all its files?", question);
        using var gone = await server.Http.GetAsync($"/uws/hello/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        await Expect(page.Locator($"tr[data-job='{id}']")).ToHaveCountAsync(0);
    }
}
