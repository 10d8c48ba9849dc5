// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The caller's job list: filters, keyset pages and live updates.</summary>
public sealed class JobListPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task JobList_FiltersByServiceAndPhase_AndShowsNewJobsWithoutReloading()
    {
        var greeting = await Jobs.CreateAsync(server.Http, "hello", run: true);
        var pending = await Jobs.CreateAsync(server.Http, "hello", run: false);
        var visibility = await Jobs.CreateAsync(server.Http, "ud-visibility", run: false);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "hello", greeting, "PENDING", "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/jobs.html");
        var rows = page.Locator("#jobs tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        // Newest first.
        await Expect(rows.First).ToHaveAttributeAsync("data-job", visibility);

        await page.GetByLabel("Service").SelectOptionAsync("hello");
        await Expect(rows).ToHaveCountAsync(2);
        await page.GetByLabel("Phase").SelectOptionAsync("PENDING");

        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-job", pending);
        Assert.EndsWith("jobs.html?service=hello&phase=PENDING", page.Url, StringComparison.Ordinal);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var later = await Jobs.CreateAsync(server.Http, "hello", run: false);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToHaveAttributeAsync("data-job", later);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await BrowserServer.ScreenshotAsync(page, "jobs");
        await BrowserServer.AssertAccessibleAsync(page);
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("PENDING");
    }
}
