// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The VOTable preview: one table written by astropy in each serialization shows the same sortable cells, with units and UCDs.</summary>
public sealed class VotablePreviewTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData("tabledata")]
    [InlineData("binary")]
    [InlineData("binary2")]
    public async Task AVotable_IsASortableTableWithUnitsAndUcds(string serialization)
    {
        var folder = Directory.CreateTempSubdirectory("meridian-votable-").FullName;
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_votables.py"), folder]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the test tables: {python.Errors}");

        var id = await Jobs.RunWithFileAsync(server.Http, "votable-copy", "table", Path.Combine(folder, $"stars-{serialization}.vot"));
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=votable-copy&id={id}");

        var preview = page.Locator("[data-result=table] .preview");
        await Expect(preview.Locator("caption")).ToContainTextAsync($"4 rows (VOTable {serialization.ToUpperInvariant()})");
        await Expect(preview.Locator(".votable-fields")).ToContainTextAsync("pos.eq.ra;meta.main");
        await preview.GetByRole(AriaRole.Button, new() { Name = "vmag [mag]" }).ClickAsync();
        await Expect(preview.Locator("tbody tr td:first-child")).ToHaveTextAsync(["Sirius", "Vega", "Altair", "Deneb"]);
        await Expect(preview.Locator("tbody tr").First).ToContainTextAsync("32349");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task TabledataCells_ShowTheTextAstropyWrote_WithEscapesAndEmptyCells()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("meridian-votable-markup-").FullName, "markup.vot");
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", "write_votable_markup.py"), file]);
        Assert.True(python.ExitCode == 0, $"astropy could not write the test table: {python.Errors}");
        using var truth = System.Text.Json.JsonDocument.Parse(python.Output);

        var id = await Jobs.RunWithFileAsync(server.Http, "votable-copy", "table", file);
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/web/job.html?service=votable-copy&id={id}");
        var preview = page.Locator("[data-result=table] .preview");
        await Expect(preview.Locator("caption")).ToContainTextAsync("5 rows (VOTable TABLEDATA)");
        string[] Column(string name) => truth.RootElement.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();
        await Expect(preview.Locator("tbody tr td:nth-child(1)")).ToHaveTextAsync(Column("name"));
        await Expect(preview.Locator("tbody tr td:nth-child(2)")).ToHaveTextAsync(Column("n"));
        Assert.Empty(server.PageErrors);
    }
}
