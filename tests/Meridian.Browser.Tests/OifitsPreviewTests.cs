// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The OIFITS preview of a real reconstruction result (../shared/data/oifits/, with some measurements flagged and
/// a second target by astropy): each plot has one point a non-flagged measurement of the chosen target, as astropy
/// counts them, coloured by wavelength; and the image LAST_IMG names is the one shown first.
/// </summary>
public sealed class OifitsPreviewTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string RealResult = "/work/shared/data/oifits/Bin_Ary--MIRC_H_with_img.fits";

    [Fact]
    public async Task AnOifitsResult_PlotsEachNonFlaggedMeasurementOfEachTarget()
    {
        var (file, truth) = await FlagWithAstropyAsync();
        var page = await OpenJobAsync(file);
        var preview = page.Locator("[data-result=image] .oifits-preview");
        await Expect(preview.Locator("svg.oi-vis2")).ToBeVisibleAsync();

        foreach (var target in truth.GetProperty("counts").EnumerateObject())
        {
            await preview.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = target.Name });
            var vis2 = target.Value.GetProperty("OI_VIS2").GetInt32();
            var t3 = target.Value.GetProperty("OI_T3").GetInt32();
            await Expect(preview.Locator("svg.oi-vis2 circle.oi-point")).ToHaveCountAsync(vis2);
            await Expect(preview.Locator("svg.oi-vis2 line.oi-error")).ToHaveCountAsync(vis2);
            await Expect(preview.Locator("svg.oi-t3 circle.oi-point")).ToHaveCountAsync(t3);
            await Expect(preview.Locator("svg.oi-uv circle.oi-point")).ToHaveCountAsync(vis2);
            await Expect(preview.Locator("svg.oi-uv circle.oi-mirror")).ToHaveCountAsync(vis2);

            // Eight spectral channels: eight colours.
            var fills = await preview.Locator("svg.oi-vis2 circle.oi-point").EvaluateAllAsync<string[]>("cs => [...new Set(cs.map(c => c.getAttribute('fill')))]");
            Assert.Equal(truth.GetProperty("eff_wave").GetArrayLength(), fills.Length);
        }

        await BrowserServer.ScreenshotAsync(page, "oifits");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task AnImageOiResult_ShowsTheImageLastImgNamesFirst_WithTheValuesAstropyReads()
    {
        var (file, truth) = await FlagWithAstropyAsync();
        var page = await OpenJobAsync(file);
        var image = truth.GetProperty("image");
        await Expect(page.Locator("[data-result=image] select[id$=-image]")).ToHaveValueAsync(image.GetProperty("name").GetString()!);
        var canvas = page.Locator("[data-result=image] canvas");
        await Expect(canvas).ToBeVisibleAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        var (width, height) = (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32());
        foreach (var pixel in image.GetProperty("pixels").EnumerateArray())
        {
            var (x, y) = (pixel.GetProperty("x").GetInt32(), pixel.GetProperty("y").GetInt32());
            await canvas.HoverAsync(new LocatorHoverOptions
            {
                Position = new Position { X = (float)((x - 0.5) / width * box.Width), Y = (float)((height - y + 0.5) / height * box.Height) },
            });
            await Expect(page.Locator("[data-result=image] .fits-readout")).ToContainTextAsync($"pixel ({x}, {y}) = ");
            Assert.Equal(pixel.GetProperty("value").GetDouble(), double.Parse((await canvas.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture), 12);
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

    private static async Task<(string File, JsonElement Truth)> FlagWithAstropyAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("meridian-oifits-").FullName, "flagged.fits");
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_oifits.py"), RealResult, file]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the OIFITS test file: {python.Errors}");
        return (file, JsonDocument.Parse(python.Output).RootElement);
    }
}
