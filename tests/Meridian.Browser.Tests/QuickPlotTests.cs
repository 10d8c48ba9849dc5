// SPDX-License-Identifier: MIT
using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The quick plot of a CSV result: whole tick labels on both axes (a flux of 1.066e-5 is not cut to "00001066"),
/// axis titles with the units the service declares, logarithmic axes on request, and no plot of its own for a
/// summary table (rows named in the first column), which is plotted only when asked.
/// </summary>
public sealed class QuickPlotTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task QuickPlot_HasWholeTicksUnitsAndLogScales_AndASummaryTableIsPlottedOnlyOnRequest(int width, string name)
    {
        var id = await Jobs.CreateAsync(server.Http, "faint-spectrum", run: true, ("points", "20"));
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "faint-spectrum", id, "PENDING", "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync(width);

        await page.GotoAsync($"/web/job.html?service=faint-spectrum&id={id}");

        var plot = page.Locator("[data-result=spectrum] figure svg");
        await Expect(plot.Locator("circle")).ToHaveCountAsync(20);
        await Expect(plot.Locator("text.axis-title")).ToHaveTextAsync(["wavelength [um]", "flux [W m-2 um-1]"]);
        var yLabels = await plot.Locator(".tick-y text").AllTextContentsAsync();
        Assert.True(yLabels.Count >= 3, $"the y axis has the ticks {string.Join(", ", yLabels)}");
        Assert.All(yLabels, label => Assert.InRange(double.Parse(label, CultureInfo.InvariantCulture), 1.06e-5, 1.11e-5));
        // Every tick label lies wholly inside the picture.
        var outside = await plot.EvaluateAsync<string[]>("""
            s => {
              const frame = s.getBoundingClientRect();
              return [...s.querySelectorAll('.tick text, .axis-title')].filter(t => {
                const b = t.getBoundingClientRect();
                return b.left < frame.left || b.top < frame.top || b.right > frame.right + 0.5 || b.bottom > frame.bottom + 0.5;
              }).map(t => t.textContent);
            }
            """);
        Assert.Empty(outside);

        await page.GetByLabel("Log x").CheckAsync();

        await Expect(plot).ToHaveAttributeAsync("data-log-x", "true");
        await Expect(plot.Locator(".tick-x text")).ToHaveTextAsync(["1", "10"]);
        await Expect(plot.Locator("circle")).ToHaveCountAsync(20);
        await page.Locator("[data-result=spectrum]").ScrollIntoViewIfNeededAsync();
        await BrowserServer.ScreenshotAsync(page, $"plot-log-{name}");

        var summary = page.Locator("[data-result=summary]");
        await Expect(summary.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(summary.Locator("figure")).ToHaveCountAsync(0);
        await summary.GetByRole(AriaRole.Button, new() { Name = "Plot two columns" }).ClickAsync();
        await Expect(summary.Locator("figure svg circle")).ToHaveCountAsync(3);
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }
}
