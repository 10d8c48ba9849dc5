// SPDX-License-Identifier: MIT
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>A sweep from the form: one submission, a job per value, the set followed until it has ended and then compared.</summary>
public sealed class SweepFormTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task ARangeSwept_RunsOneJobPerValue_AndComparesThem(int width, string name)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=hello");

        await page.GetByLabel("name").FillAsync("Vega");
        await page.GetByText("Sweep: a set of jobs").ClickAsync();
        await page.Locator("#sweep-0-name").SelectOptionAsync("times");
        await page.Locator("#sweep-0-values").FillAsync("1:3:1");
        await Expect(page.Locator("#sweep-count")).ToHaveTextAsync("3 jobs, one per value");
        await BrowserServer.AssertAccessibleAsync(page);
        await BrowserServer.ScreenshotAsync(page, $"sweep-form-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#plots[data-ready=true]")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        Assert.Contains("sweep=", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#parameters thead th")).ToHaveCountAsync(4);
        await Expect(page.Locator("#parameters tr[data-name=times]")).ToHaveClassAsync("differs");
        await Expect(page.Locator("#parameters tr[data-name=name]")).Not.ToHaveClassAsync("differs");
        await Expect(page.Locator("#parameters thead")).ToContainTextAsync("times=3");
        await BrowserServer.AssertAccessibleAsync(page);
        await BrowserServer.ScreenshotAsync(page, $"sweep-compare-{name}");

        var sweep = new Uri(page.Url).Query.Split('&').Single(p => p.StartsWith("sweep=", StringComparison.Ordinal))["sweep=".Length..];
        using var set = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/sweeps/hello/{sweep}"));
        Assert.All(set.RootElement.GetProperty("jobs").EnumerateArray(), job => Assert.Equal("COMPLETED", job.GetProperty("phase").GetString()));
        Assert.Empty(server.PageErrors);
    }
}
