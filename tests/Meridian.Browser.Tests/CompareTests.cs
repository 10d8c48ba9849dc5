// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// Jobs of one service compared: parameters and result keywords in one table with the differences marked, a table
/// result of each plotted on one set of axes, and image results side by side on one colour scale (checked against
/// the values astropy wrote).
/// </summary>
public sealed class CompareTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly string[] Files = ["a", "b"];

    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task TwoRuns_ShowTheirDifferingParameter_AndOneOverlaidPlot(int width, string name)
    {
        var small = await Jobs.CreateAsync(server.Http, "ud-visibility", true, ("theta", "1"), ("wavelength", "2.2"), ("RUNID", "theta 1 mas"));
        var large = await Jobs.CreateAsync(server.Http, "ud-visibility", true, ("theta", "2"), ("wavelength", "2.2"), ("RUNID", "theta 2 mas"));
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "ud-visibility", small, "QUEUED", "EXECUTING"));
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "ud-visibility", large, "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync(width);

        await page.GotoAsync($"/web/compare.html?service=ud-visibility&id={small}&id={large}");

        await Expect(page.Locator("#plots[data-ready=true]")).ToBeAttachedAsync();
        await Expect(page.Locator("#parameters tr[data-name=theta]")).ToHaveClassAsync("differs");
        await Expect(page.Locator("#parameters tr[data-name=theta]")).ToContainTextAsync("differs");
        await Expect(page.Locator("#parameters tr[data-name=wavelength]")).Not.ToHaveClassAsync("differs");
        await Expect(page.Locator("#parameters thead")).ToContainTextAsync("theta 1 mas");
        await Expect(page.Locator("[data-result=vis2] polyline")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-result=vis2] .legend")).ToContainTextAsync("theta 2 mas");
        await BrowserServer.AssertAccessibleAsync(page);
        await BrowserServer.ScreenshotAsync(page, $"compare-{name}");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task TwoImages_AreDrawnOnOneColourScale_AndTheirOutputParamKeywordsCompared()
    {
        var folder = Directory.CreateTempSubdirectory("meridian-compare-").FullName;
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_compare_fits.py"), folder]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the test files: {python.Errors}");
        var truth = JsonDocument.Parse(python.Output).RootElement;
        var a = await Jobs.RunWithFileAsync(server.Http, "fits-copy", "image", Path.Combine(folder, "a.fits"));
        var b = await Jobs.RunWithFileAsync(server.Http, "fits-copy", "image", Path.Combine(folder, "b.fits"));
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/compare.html?service=fits-copy&id={a}&id={b}");

        await Expect(page.Locator("#plots[data-ready=true]")).ToBeAttachedAsync();
        var chisq = page.Locator("#keywords tr[data-name='image · IMAGE-OI OUTPUT PARAM · CHISQ']");
        await Expect(chisq).ToHaveClassAsync("differs");
        await Expect(chisq.Locator("td").Nth(0)).ToHaveTextAsync(truth.GetProperty("a").GetProperty("chisq").GetDouble().ToString(CultureInfo.InvariantCulture));
        await Expect(chisq.Locator("td").Nth(1)).ToHaveTextAsync(truth.GetProperty("b").GetProperty("chisq").GetDouble().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#keywords tr[data-name='image · IMAGE-OI OUTPUT PARAM · NITER']")).Not.ToHaveClassAsync("differs");

        // One scale: the brightest pixel of the first image (100) is drawn at half the grey of the second's (200).
        var images = page.Locator("[data-result=image].compare-images");
        var low = double.Parse((await images.GetAttributeAsync("data-low"))!, CultureInfo.InvariantCulture);
        var high = double.Parse((await images.GetAttributeAsync("data-high"))!, CultureInfo.InvariantCulture);
        Assert.InRange(low, 0, 1);
        Assert.InRange(high, 195, truth.GetProperty("b").GetProperty("max").GetDouble());
        var greys = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.compare-canvas')].map(c => c.getContext('2d').getImageData(15, 0, 1, 1).data[0])");
        foreach (var (grey, file) in greys.Zip(Files))
        {
            var value = truth.GetProperty(file).GetProperty("topRight").GetDouble();
            Assert.InRange(grey, Math.Round(255 * Math.Min(1, (value - low) / (high - low))) - 1, Math.Round(255 * Math.Min(1, (value - low) / (high - low))) + 1);
        }

        Assert.InRange(greys[0], 125, 131);
        await BrowserServer.ScreenshotAsync(page, "compare-images");
    }

    [Fact]
    public async Task FromTheJobList_ThePageOffersTheServicesFinishedJobs()
    {
        var first = await Jobs.CreateAsync(server.Http, "hello", true, ("name", "Vega"), ("RUNID", "first greeting"));
        var second = await Jobs.CreateAsync(server.Http, "hello", true, ("name", "Deneb"), ("RUNID", "second greeting"));
        await Jobs.WaitWhileAsync(server.Http, "hello", first, "QUEUED", "EXECUTING");
        await Jobs.WaitWhileAsync(server.Http, "hello", second, "QUEUED", "EXECUTING");
        var page = await server.NewPageAsync();

        await page.GotoAsync("/web/jobs.html?service=hello");
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare hello jobs" }).ClickAsync();
        await page.GetByLabel("first greeting").CheckAsync();
        await page.GetByLabel("second greeting").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();

        await Expect(page.Locator("#parameters tr[data-name=name]")).ToHaveClassAsync("differs");
        await Expect(page.Locator("#parameters tr[data-name=name]")).ToContainTextAsync("Deneb");
        await BrowserServer.AssertAccessibleAsync(page);
    }
}
