// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>Disabled controls that look disabled, a colour per phase, the reader's dark setting, the favicon.</summary>
public sealed class PolishTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task Pages_FollowTheDarkSetting_WithAColourPerPhase_AndReadableEverywhere(int width, string name)
    {
        var completed = await Jobs.CreateAsync(server.Http, "hello", run: true, ("RUNID", $"dark {name}"));
        var failed = await Jobs.CreateAsync(server.Http, "shout", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "hello", completed, "PENDING", "QUEUED", "EXECUTING"));
        Assert.Equal("ERROR", await Jobs.WaitWhileAsync(server.Http, "shout", failed, "PENDING", "QUEUED", "EXECUTING"));
        await Jobs.CreateAsync(server.Http, "hello", run: false);
        var page = await server.NewPageAsync(width);

        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync("/web/jobs.html");
            await Expect(page.Locator($"#jobs tr[data-job='{failed}'] .phase")).ToHaveTextAsync("ERROR");
            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
            Assert.Equal(scheme == ColorScheme.Dark ? "rgb(13, 17, 23)" : "rgb(255, 255, 255)", background);
            var colours = await page.EvaluateAsync<string[]>("() => ['COMPLETED', 'ERROR', 'PENDING'].map(p => getComputedStyle(document.querySelector(`#jobs .phase-${p}`)).color)");
            Assert.Equal(3, colours.Distinct().Count());
            await BrowserServer.ScreenshotAsync(page, $"jobs-{scheme.ToString().ToLowerInvariant()}-{name}");
            await BrowserServer.AssertAccessibleAsync(page);
        }

        await page.GotoAsync($"/web/job.html?service=shout&id={failed}");
        await Expect(page.Locator("#error #stderr")).ToBeVisibleAsync();
        await Expect(page.Locator("#provenance svg")).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(page, $"job-dark-{name}");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task DisabledButtons_LookDisabled()
    {
        await Jobs.CreateAsync(server.Http, "hello", run: false);
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/jobs.html");

        var newer = page.GetByRole(AriaRole.Button, new() { Name = "Newer" });
        await Expect(newer).ToBeDisabledAsync();
        var runAgain = page.GetByRole(AriaRole.Button, new() { Name = "Run again" }).First;
        await Expect(runAgain).ToBeEnabledAsync();
        const string style = "b => { const s = getComputedStyle(b); return s.opacity + ' ' + s.cursor + ' ' + s.borderTopStyle; }";
        Assert.Equal("0.45 not-allowed dashed", await newer.EvaluateAsync<string>(style));
        Assert.Equal("1 pointer solid", await runAgain.EvaluateAsync<string>(style));
    }

    [Fact]
    public async Task Favicon_IsServedToThePagesAndAtTheOriginsRoot()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/jobs.html");
        var href = await page.Locator("link[rel=icon]").EvaluateAsync<string>("l => l.href");

        var icon = await page.APIRequest.GetAsync(href);
        using var root = await server.Http.GetAsync("/favicon.ico");

        Assert.Equal(200, icon.Status);
        Assert.Equal("image/svg+xml", icon.Headers["content-type"]);
        Assert.StartsWith("<svg", System.Text.Encoding.UTF8.GetString(await icon.BodyAsync()), StringComparison.Ordinal);
        Assert.True(root.IsSuccessStatusCode, $"/favicon.ico answered {(int)root.StatusCode}");
        Assert.Equal("image/svg+xml", root.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await icon.BodyAsync(), await root.Content.ReadAsByteArrayAsync());
    }
}
