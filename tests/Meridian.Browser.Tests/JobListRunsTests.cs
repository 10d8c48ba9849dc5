// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The job list tells runs apart: each with its label (RUNID), its service's key parameters, how long it ran and
/// its actions; every row in the page (no inner scrolling box), and a card a run on a phone.
/// </summary>
public sealed class JobListRunsTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task JobList_OfAService_ShowsEachRunsLabelKeyParametersAndRunTime(int width, string name)
    {
        var narrow = await Jobs.CreateAsync(server.Http, "ud-visibility", run: true, ("RUNID", $"narrow disk {name}"), ("theta", "0.5"));
        var wide = await Jobs.CreateAsync(server.Http, "ud-visibility", run: true, ("RUNID", $"wide disk {name}"), ("theta", "40"), ("model", "limb-darkened"));
        foreach (var id in new[] { narrow, wide })
        {
            Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "ud-visibility", id, "PENDING", "QUEUED", "EXECUTING"));
        }

        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/jobs.html?service=ud-visibility");

        // The definition's key_parameters, in its order, titled with their units.
        await Expect(page.Locator("#jobs thead th")).ToHaveTextAsync(["Run", "theta [mas]", "wavelength [um]", "model", "Phase", "Run time", "Created", "Actions"]);
        var row = page.Locator($"#jobs tr[data-job='{wide}']");
        await Expect(row.Locator("th")).ToContainTextAsync($"wide disk {name}");
        await Expect(row.Locator("td[data-label='theta [mas]']")).ToHaveTextAsync("40");
        await Expect(row.Locator("td[data-label='wavelength [um]']")).ToHaveTextAsync("2.2");
        await Expect(row.Locator("td[data-label=model]")).ToHaveTextAsync("limb-darkened");
        await Expect(page.Locator($"#jobs tr[data-job='{narrow}'] td[data-label=model]")).ToHaveTextAsync("uniform");
        await Expect(row.Locator("td[data-label='Run time']")).ToHaveTextAsync(await Runs.RunTimeAsync(server.Http, "ud-visibility", wide));
        await Expect(row.Locator(".phase")).ToHaveTextAsync("COMPLETED");
        // A finished job offers no Abort.
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Abort" })).ToHaveCountAsync(0);

        var innerScroll = await page.EvaluateAsync<bool>("() => { const list = document.querySelector('.job-list'); return list.scrollHeight > list.clientHeight + 1; }");
        Assert.False(innerScroll, "the list scrolls inside a box instead of with the page");
        Assert.Equal(width < 640 ? "block" : "table-row", await row.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the list is {overflow} px wider than the screen");
        await BrowserServer.ScreenshotAsync(page, $"jobs-runs-{name}");
        await BrowserServer.AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Run again" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/web/form\\.html\\?service=ud-visibility&from={wide}$"));
        Assert.Empty(server.PageErrors);
    }

    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task JobList_AbortsARunningJobAndDeletesAnother_FromTheirRows(int width, string name)
    {
        var running = await Jobs.CreateAsync(server.Http, "countdown", run: true, ("seconds", "600"), ("EXECUTIONDURATION", "900"), ("RUNID", $"long count {name}"));
        Assert.Equal("EXECUTING", await Jobs.WaitWhileAsync(server.Http, "countdown", running, "PENDING", "QUEUED"));
        var doomed = await Jobs.CreateAsync(server.Http, "hello", run: false, ("RUNID", $"scratch {name}"), ("name", "Ada"));
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/jobs.html");

        var row = page.Locator($"#jobs tr[data-job='{running}']");
        // Every service at once: the key parameters of each run in one column.
        await Expect(row.Locator("td[data-label='Key parameters']")).ToContainTextAsync("seconds = 600");
        await Expect(page.Locator($"#jobs tr[data-job='{doomed}'] td[data-label='Key parameters']")).ToContainTextAsync("name = Ada");
        await Expect(row.Locator("td[data-label='Run time']")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? s so far$"));
        await BrowserServer.ScreenshotAsync(page, $"jobs-actions-{name}");
        await BrowserServer.AssertAccessibleAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = "Abort" }).ClickAsync();

        await Expect(row.Locator(".phase")).ToHaveTextAsync("ABORTED");
        Assert.Equal("ABORTED", await Jobs.PhaseAsync(server.Http, "countdown", running));
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Abort" })).ToHaveCountAsync(0);

        await page.Locator($"#jobs tr[data-job='{doomed}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Expect(page.Locator($"#jobs tr[data-job='{doomed}']")).ToHaveCountAsync(0);
        using var gone = await server.Http.GetAsync($"/uws/hello/{doomed}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(server.PageErrors);
    }
}
