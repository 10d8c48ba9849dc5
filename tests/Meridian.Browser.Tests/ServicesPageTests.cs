// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The services page: reached from the site's root by a browser, every service with its form.</summary>
public sealed class ServicesPageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task Root_ShowsEveryServiceWithALinkToItsForm_WhenABrowserOpensIt()
    {
        var page = await server.NewPageAsync();

        await page.GotoAsync("/");

        Assert.EndsWith("/web/", page.Url, StringComparison.Ordinal);
        foreach (var title in new[] { "Hello, world", "Countdown (long-running demo)", "Column statistics of a table", "Uniform-disk and limb-darkened-disk squared visibility" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "New hello job" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, world" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("name")).ToHaveValueAsync("world");
        await page.GotoAsync("/");
        await BrowserServer.ScreenshotAsync(page, "services");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task Pages_FitAPhoneWidthScreen_WithoutSidewaysScrolling()
    {
        var page = await server.NewPageAsync(width: 375);

        foreach (var (path, name) in new[] { ("/web/", "services"), ("/web/form.html?service=ud-visibility", "form"), ("/web/jobs.html", "jobs") })
        {
            await page.GotoAsync(path);
            await page.WaitForSelectorAsync("#content :not(.muted)");
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 375 px screen");
            await BrowserServer.ScreenshotAsync(page, $"{name}-phone");
        }
    }
}
