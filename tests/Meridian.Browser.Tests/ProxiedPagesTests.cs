// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The example services served under /meridian, for the pages to be used through a reverse proxy.</summary>
public sealed class PathBaseBrowserServer : BrowserServer
{
    public PathBaseBrowserServer()
        : base(new Dictionary<string, string>
        {
            ["Meridian:PathBase"] = NginxProxy.Prefix,
            ["Meridian:TrustedProxies:0"] = NginxProxy.ProxyAddress.ToString(),
        })
    {
    }
}

/// <summary>
/// The browser client through a real nginx with TLS and a path prefix: every page, module, fetch, redirect and
/// form post stays under https://localhost:PORT/meridian/, and a job runs from the form to its result.
/// </summary>
public sealed class ProxiedPagesTests(PathBaseBrowserServer server) : IClassFixture<PathBaseBrowserServer>
{
    [Fact]
    public async Task ThePages_WorkThroughNginx_WithEveryRequestUnderThePrefix()
    {
        using var nginx = new NginxProxy(server.Application.BaseAddress);
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(20_000);
        var requested = new List<string>();
        var problems = new List<string>();
        context.Request += (_, request) => requested.Add(request.Url);
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        var root = nginx.BaseAddress.ToString();

        await page.GotoAsync(root);
        Assert.Equal(root + "web/", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "New hello job" }).ClickAsync();
        await page.GetByLabel("name").FillAsync("Proxied Visitor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=greeting] pre")).ToHaveTextAsync("Hello, Proxied Visitor!\n");
        await BrowserServer.ScreenshotAsync(page, "job-through-nginx");
        await page.GetByRole(AriaRole.Link, new() { Name = "My jobs" }).ClickAsync();
        await Expect(page.Locator("#content table")).ToContainTextAsync("hello");

        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(root, url, StringComparison.Ordinal));
        Assert.Empty(problems);
        await context.CloseAsync();
    }
}
