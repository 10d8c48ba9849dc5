// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// FITS binary tables shown as tables (scaled and unsigned integers, arrays with TDIM, strings, logicals,
/// variable-length arrays) with the values astropy reads; a cube's spectrum under the pointer; and a large file
/// read only as far as it is shown.
/// </summary>
public sealed class FitsTablePreviewTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task ABinaryTable_ShowsThePhysicalValuesAstropyReads_APageOfRowsAtATime()
    {
        var (folder, truth) = await WriteWithAstropyAsync();
        var page = await OpenJobAsync(Path.Combine(folder, "table.fits"));
        var details = page.Locator("[data-result=image] details[data-hdu='1']");
        await Expect(details.Locator("summary")).ToHaveTextAsync("MEASUREMENTS: binary table, 7 columns, 120 rows");
        await details.Locator("summary").ClickAsync();
        var table = details.Locator(".fits-table");
        await Expect(table.Locator("thead")).ToContainTextAsync("6E · float32 · m · (3×2)");
        await Expect(table.Locator("thead")).ToContainTextAsync("× 0.25 + 10");

        await ExpectRowAsync(table, truth, 0);
        await ExpectRowAsync(table, truth, 2);
        await ExpectRowAsync(table, truth, 49);
        await table.GetByRole(AriaRole.Button, new() { Name = "Next rows" }).ClickAsync();
        await ExpectRowAsync(table, truth, 50);
        await table.GetByRole(AriaRole.Button, new() { Name = "Next rows" }).ClickAsync();
        await ExpectRowAsync(table, truth, 119);
        await Expect(table.GetByRole(AriaRole.Button, new() { Name = "Next rows" })).ToBeDisabledAsync();
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task ALargeCube_IsReadOnlyAsFarAsShown_AndShowsTheSpectrumUnderThePointer()
    {
        var (folder, truth) = await WriteWithAstropyAsync();
        var file = Path.Combine(folder, "large-cube.fits");
        var id = await Jobs.RunWithFileAsync(server.Http, "fits-copy", "image", file);
        var page = await server.NewPageAsync();
        var ranges = new List<(long From, long To)>();
        var unbounded = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.Contains("/results/image", StringComparison.Ordinal))
            {
                return;
            }

            var match = request.Headers.TryGetValue("range", out var range) ? Regex.Match(range, @"^bytes=(\d+)-(\d+)$") : Match.Empty;
            if (match.Success)
            {
                lock (ranges)
                {
                    ranges.Add((long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                unbounded.Add(request.Url);
            }
        };
        await page.GotoAsync($"/web/job.html?service=fits-copy&id={id}");
        var canvas = page.Locator("[data-result=image] canvas");
        await Expect(canvas).ToHaveAttributeAsync("data-drawn", new Regex(@"\d"));
        await Expect(page.Locator("[data-result=image] .fits-hdus li")).ToHaveCountAsync(2);

        // The headers and one 256 × 256 float32 plane, not the 16 MiB cube.
        var plane = 256L * 256 * 4;
        var read = ranges.Sum(r => r.To - r.From + 1);
        Assert.True(unbounded.Count == 0, $"the page read the whole file: {string.Join(", ", unbounded)}");
        Assert.True(read < plane + 8 * 2880 * 4, $"the page read {read} bytes of a {new FileInfo(file).Length}-byte file to show one {plane}-byte plane");

        var spectrum = truth.GetProperty("spectrum");
        var (x, y) = (spectrum.GetProperty("x").GetInt32(), spectrum.GetProperty("y").GetInt32());
        var box = (await canvas.BoundingBoxAsync())!;
        await canvas.HoverAsync(new LocatorHoverOptions
        {
            Position = new Position { X = (float)((x - 0.5) / 256 * box.Width), Y = (float)((256 - y + 0.5) / 256 * box.Height) },
        });
        var plot = page.Locator("[data-result=image] svg.fits-spectrum-plot");
        await Expect(plot).ToHaveAttributeAsync("data-x", x.ToString(CultureInfo.InvariantCulture));
        await Expect(plot).ToHaveAttributeAsync("data-y", y.ToString(CultureInfo.InvariantCulture));
        var shown = (await plot.GetAttributeAsync("data-values"))!.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var expected = spectrum.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expected.Length, shown.Length);
        for (var z = 0; z < expected.Length; z++)
        {
            Assert.Equal(expected[z], shown[z], 12);
        }

        await Expect(page.Locator("[data-result=image] .fits-spectrum")).ToContainTextAsync("FREQ (Hz)");
        Assert.Empty(server.PageErrors);
    }

    private static async Task ExpectRowAsync(ILocator table, JsonElement truth, int row)
    {
        var expected = truth.GetProperty("rows").GetProperty(row.ToString(CultureInfo.InvariantCulture));
        string Number(JsonElement v) => v.GetDouble().ToString(CultureInfo.InvariantCulture);
        string List(JsonElement v) => $"[{string.Join(", ", v.EnumerateArray().Select(Number))}]";
        var cells = new[]
        {
            (row + 1).ToString(CultureInfo.InvariantCulture),
            Number(expected.GetProperty("FLUX")), Number(expected.GetProperty("COUNTS")), List(expected.GetProperty("POSITION")),
            expected.GetProperty("STATION").GetString()!, expected.GetProperty("VALID").GetBoolean() ? "true" : "false",
            Number(expected.GetProperty("MJD")), List(expected.GetProperty("SAMPLES")),
        };
        var line = table.Locator("tbody tr").Filter(new() { Has = table.Page.Locator($"th:text-is('{row + 1}')") });
        await Expect(line.Locator("th, td")).ToHaveTextAsync(cells);
    }

    private async Task<IPage> OpenJobAsync(string file)
    {
        var id = await Jobs.RunWithFileAsync(server.Http, "fits-copy", "image", file);
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=fits-copy&id={id}");
        return page;
    }

    private static async Task<(string Folder, JsonElement Truth)> WriteWithAstropyAsync()
    {
        var folder = Directory.CreateTempSubdirectory("meridian-fits-tables-").FullName;
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_fits_tables.py"), folder]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the test files: {python.Errors}");
        return (folder, JsonDocument.Parse(python.Output).RootElement);
    }
}
