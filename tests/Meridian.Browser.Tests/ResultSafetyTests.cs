// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// Results are the code's output, and uploads the user's: opened directly, an SVG or HTML file holding script
/// must not run it on the server's origin; the job page still previews them.
/// </summary>
public sealed class ResultSafetyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData("picture")]
    [InlineData("page")]
    public async Task ResultOpenedDirectly_RunsNoScript_AndCreatesNoJob(string result)
    {
        var id = await Jobs.CreateAsync(server.Http, "scripted", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "scripted", id, "PENDING", "QUEUED", "EXECUTING"));
        var before = await Jobs.CountAsync(server.Http, "service=hello&last=200");
        var page = await server.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);

        var response = await page.GotoAsync($"/uws/scripted/{id}/results/{result}");

        Assert.Equal("private, no-store", response!.Headers["cache-control"]);
        Assert.StartsWith("sandbox", response.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers["x-content-type-options"]);
        Assert.Null(await page.Locator(":root").GetAttributeAsync("data-ran"));
        Assert.Contains(blocked, text => text.Contains("Blocked script execution", StringComparison.Ordinal));
        Assert.Equal(before, await Jobs.CountAsync(server.Http, "service=hello&last=200"));
    }

    [Fact]
    public async Task JobPage_StillPreviewsTheSvgAsAnImage()
    {
        var id = await Jobs.CreateAsync(server.Http, "scripted", run: true);
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/job.html?service=scripted&id={id}");

        await Expect(page.Locator("[data-result=picture] img")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-result=picture] img')?.naturalWidth === 120");
        await Expect(page.Locator("[data-result=page] pre")).ToContainTextAsync("A result page.");
        Assert.Empty(server.PageErrors);
    }
}
