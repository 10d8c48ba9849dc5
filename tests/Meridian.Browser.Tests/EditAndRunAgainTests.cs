// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The form filled from a job (form.html?service=…&amp;from={job}): its values and label, its upload kept on the
/// server under its own name, a result of it used as the next job's file; and a PENDING job changed in place.
/// </summary>
public sealed class EditAndRunAgainTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Stars = "name,mag,dist\nVega,0.03,7.68\nSirius,-1.46,2.64\nAltair,0.76,5.13\n";

    private async Task<string> RunTableStatsAsync(string runId)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Stars)), "table", "stars.csv" },
            { new StringContent("comma"), "delimiter" },
            { new StringContent(runId), "RUNID" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await server.Http.PostAsync("/uws/table-stats", form);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var id = created.Headers.Location!.Segments[^1];
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "table-stats", id, "PENDING", "QUEUED", "EXECUTING"));
        return id;
    }

    private async Task<JsonElement> UploadOfAsync(string id)
    {
        using var uploads = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/jobs/table-stats/{id}/uploads"));
        return Assert.Single(uploads.RootElement.EnumerateArray()).Clone();
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task RunAgainForm_IsFilledFromTheJob_AndKeepsItsUploadUnderItsOwnName(int width)
    {
        var source = await RunTableStatsAsync("first try");
        var page = await server.NewPageAsync(width);
        var sent = new List<string>();
        page.Request += (_, request) => { if (request.Method == "POST") sent.Add(request.PostData ?? ""); };

        await page.GotoAsync($"/web/form.html?service=table-stats&from={source}");

        await Expect(page.Locator("#source")).ToContainTextAsync($"Filled from job {source}");
        await Expect(page.Locator("#runid")).ToHaveValueAsync("first try");
        await Expect(page.GetByLabel("delimiter")).ToHaveValueAsync("comma");
        await Expect(page.Locator("#p-table-source option:checked")).ToHaveTextAsync($"Keep stars.csv (64 B, uploaded to job {source})");
        await Expect(page.Locator("#p-table")).ToBeHiddenAsync();
        await BrowserServer.ScreenshotAsync(page, $"form-run-again-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
        await page.Locator("#runid").FillAsync("second try");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var copy = BrowserServer.JobIdOf(page);
        Assert.NotEqual(source, copy);
        var upload = await UploadOfAsync(copy);
        Assert.Equal("stars.csv", upload.GetProperty("fileName").GetString());
        Assert.Equal(Stars, await server.Http.GetStringAsync($"/uws/table-stats/{copy}/parameters/table"));
        Assert.DoesNotContain(sent, body => body.Contains("Sirius", StringComparison.Ordinal));
        using var job = await JobJson.GetAsync(server.Http, "table-stats", copy);
        Assert.Equal("second try", job.RootElement.GetProperty("runId").GetString());
        Assert.Empty(server.PageErrors);
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task RunAgainForm_UsesAResultOfTheJobAsTheFile_WhenChosen(int width)
    {
        var source = await RunTableStatsAsync("statistics");
        var page = await server.NewPageAsync(width);
        await page.GotoAsync($"/web/form.html?service=table-stats&from={source}");

        await page.Locator("#p-table-source").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await Expect(page.Locator("#p-table-source option:checked")).ToContainTextAsync($"Result stats of job {source}");
        await Expect(page.Locator("#p-table-chosen")).ToHaveTextAsync($"The result stats of job {source} is used as this file, straight from the server.");
        await BrowserServer.ScreenshotAsync(page, $"form-use-result-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var next = BrowserServer.JobIdOf(page);
        Assert.Equal("stats.csv", (await UploadOfAsync(next)).GetProperty("fileName").GetString());
        Assert.Equal(await server.Http.GetStringAsync($"/uws/table-stats/{source}/results/stats"),
            await server.Http.GetStringAsync($"/uws/table-stats/{next}/parameters/table"));
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task RunAgainButton_KeepsTheUploadsFileName()
    {
        var source = await RunTableStatsAsync("keep the name");
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=table-stats&id={source}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();

        await BrowserServer.LeavesAsync(page, source);
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        Assert.Equal("stars.csv", (await UploadOfAsync(BrowserServer.JobIdOf(page))).GetProperty("fileName").GetString());
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task PendingJob_IsEditedInPlace_ThenRun(int width)
    {
        var id = await Jobs.CreateAsync(server.Http, "hello", run: false, ("name", "Ada"), ("times", "1"));
        var page = await server.NewPageAsync(width);
        await page.GotoAsync($"/web/job.html?service=hello&id={id}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("PENDING");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit parameters" }).ClickAsync();

        await Expect(page.GetByLabel("name")).ToHaveValueAsync("Ada");
        await Expect(page.Locator("#runid")).ToBeDisabledAsync();
        await page.GetByLabel("name").FillAsync("Grace");
        await BrowserServer.ScreenshotAsync(page, $"form-edit-pending-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await BrowserServer.ArrivesAtAsync(page, new Regex($@"/job\.html\?service=hello&id={Regex.Escape(id)}$"));
        await Expect(page.Locator("#phase")).ToContainTextAsync("PENDING");
        Assert.Equal("Grace", (await server.Http.GetStringAsync($"/uws/hello/{id}/parameters/name")).Trim());

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit parameters" }).ClickAsync();
        await page.GetByLabel("times").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and run" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        Assert.Equal(id, BrowserServer.JobIdOf(page));
        await Expect(page.Locator("[data-result=greeting] pre")).ToHaveTextAsync("Hello, Grace!\nHello, Grace!\n");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task EditForm_SaysWhy_WhenTheJobHasLeftPending()
    {
        var id = await Jobs.CreateAsync(server.Http, "hello", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "hello", id, "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/form.html?service=hello&edit={id}");

        await Expect(page.Locator("#content")).ToContainTextAsync($"Job {id} is COMPLETED: only a PENDING job's parameters can change.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Run it again with changes" }).ClickAsync();
        await Expect(page.GetByLabel("name")).ToHaveValueAsync("world");
    }
}
