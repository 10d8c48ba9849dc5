// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The FITS preview of a result, checked against astropy: files it writes (scaled 16-bit integers with BLANK and
/// a TAN WCS; a float32 cube with a NaN), and under the pointer the value and sky position astropy reads there.
/// </summary>
public sealed class FitsPreviewTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task AScaledImage_ShowsThePixelValueAndSkyPosition_AstropyReads()
    {
        var (folder, truth) = await WriteWithAstropyAsync();
        var page = await OpenJobAsync(Path.Combine(folder, "scaled.fits"));
        var canvas = page.Locator("[data-result=image] canvas");
        await Expect(canvas).ToBeVisibleAsync();
        await Expect(page.Locator("[data-result=image] .fits-hdus li")).ToHaveCountAsync(1);

        foreach (var pixel in truth.GetProperty("scaled").EnumerateArray())
        {
            await PointAtAsync(canvas, pixel.GetProperty("x").GetInt32(), pixel.GetProperty("y").GetInt32(), 64, 48);
            var readout = page.Locator("[data-result=image] .fits-readout");
            var x = pixel.GetProperty("x").GetInt32();
            var y = pixel.GetProperty("y").GetInt32();
            await Expect(readout).ToContainTextAsync($"pixel ({x}, {y}) = ");
            if (pixel.GetProperty("value").ValueKind == JsonValueKind.Null)
            {
                await Expect(readout).ToContainTextAsync("blank");
            }
            else
            {
                Assert.Equal(pixel.GetProperty("value").GetDouble(), double.Parse((await canvas.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 9);
                await Expect(readout).ToContainTextAsync("Jy/beam");
            }

            var world = (await canvas.GetAttributeAsync("data-world"))!.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var expected = pixel.GetProperty("world").EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(expected[0], world[0], 9);
            Assert.Equal(expected[1], world[1], 9);
        }

        await page.Locator("[data-result=image] select[id$=colours]").SelectOptionAsync("viridis");
        await page.Locator("[data-result=image] select[id$=scale]").SelectOptionAsync("asinh");
        await page.Locator("[data-result=image] select[id$=zoom]").SelectOptionAsync("4");
        Assert.Equal(64 * 4, (await canvas.BoundingBoxAsync())!.Width, 1);
        await BrowserServer.ScreenshotAsync(page, "fits-image");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task ACube_HasAPlaneSlider_AndEachPlaneShowsItsOwnValues()
    {
        var (folder, truth) = await WriteWithAstropyAsync();
        var page = await OpenJobAsync(Path.Combine(folder, "cube.fits"));
        var canvas = page.Locator("[data-result=image] canvas");
        await Expect(canvas).ToBeVisibleAsync();
        await Expect(page.Locator("[data-result=image] .fits-hdus li")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-result=image] .fits-hdus")).ToContainTextAsync("MODEL CUBE: image 30 × 20 × 3, BITPIX -32");

        foreach (var pixel in truth.GetProperty("cube").EnumerateArray())
        {
            await page.Locator("[data-result=image] input[type=range]").FillAsync(pixel.GetProperty("plane").GetInt32().ToString(CultureInfo.InvariantCulture));
            await Expect(page.Locator("[data-result=image] .fits-controls")).ToContainTextAsync($"{pixel.GetProperty("plane").GetInt32() + 1} / 3");
            await PointAtAsync(canvas, pixel.GetProperty("x").GetInt32(), pixel.GetProperty("y").GetInt32(), 30, 20);
            await Expect(page.Locator("[data-result=image] .fits-readout")).ToContainTextAsync($"pixel ({pixel.GetProperty("x").GetInt32()}, {pixel.GetProperty("y").GetInt32()})");
            if (pixel.GetProperty("value").ValueKind == JsonValueKind.Null)
            {
                await Expect(page.Locator("[data-result=image] .fits-readout")).ToContainTextAsync("blank");
            }
            else
            {
                Assert.Equal(pixel.GetProperty("value").GetDouble(), double.Parse((await canvas.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 6);
            }
        }

        Assert.Empty(server.PageErrors);
    }

    private async Task<IPage> OpenJobAsync(string file)
    {
        var id = await Jobs.RunWithFileAsync(server.Http, "fits-copy", "image", file);
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=fits-copy&id={id}");
        return page;
    }

    // The centre of the 1-based FITS pixel (x, y) on the canvas; FITS rows go upwards, the canvas's downwards.
    private static async Task PointAtAsync(ILocator canvas, int x, int y, int width, int height)
    {
        var box = (await canvas.BoundingBoxAsync())!;
        await canvas.HoverAsync(new LocatorHoverOptions
        {
            Position = new Position { X = (float)((x - 0.5) / width * box.Width), Y = (float)((height - y + 0.5) / height * box.Height) },
        });
    }

    private static async Task<(string Folder, JsonElement Truth)> WriteWithAstropyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("meridian-fits-").FullName;
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_fits.py"), folder]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the test files: {python.Errors}");
        return (folder, JsonDocument.Parse(python.Output).RootElement);
    }
}
