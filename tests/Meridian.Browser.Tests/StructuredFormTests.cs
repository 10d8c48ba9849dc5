// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The form of a service with a table and a record (the column-density example): rows added, removed and pasted
/// from CSV, each cell checked with the server's words, the job run with what the table shows.
/// </summary>
public sealed class StructuredFormTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task TablePastedFromCsv_RunsTheJob_WithEveryRow(int width, string name)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=column-density");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Species (species) (required)" })).ToBeVisibleAsync();

        await page.GetByText("Paste CSV", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("CSV with a header row").FillAsync("abundance,molecule\n1e-4,CO\n2.5e-9,\"HCO+\"\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this CSV" }).ClickAsync();
        await Expect(page.GetByLabel("molecule in row 2")).ToHaveValueAsync("HCO+");
        await Expect(page.GetByText("2 rows (1–200 accepted)")).ToBeVisibleAsync();
        await page.GetByLabel("density", new() { Exact = true }).FillAsync("20000");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "density", Exact = true })).ToHaveAccessibleDescriptionAsync("H2 number density");
        await BrowserServer.AssertAccessibleAsync(page);
        await BrowserServer.ScreenshotAsync(page, $"form-table-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=column_densities]")).ToContainTextAsync("HCO+");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task ABadCell_IsNamedByItsRowAndColumn_AndNothingIsSent()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=column-density");

        await page.GetByLabel("molecule in row 1").FillAsync("CO");
        await page.GetByLabel("abundance in row 1").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#p-species-error")).ToHaveTextAsync("row 1, abundance: -1 is below the minimum 0");
        Assert.Contains("form.html", page.Url, StringComparison.Ordinal);
        await BrowserServer.ScreenshotAsync(page, "form-table-error");
    }

    [Fact]
    public async Task RowsAreAddedAndRemoved_AndTheRecordKeepsItsDefaults()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=column-density");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row" }).ClickAsync();
        await Expect(page.GetByText("3 rows (1–200 accepted)")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("molecule in row 3")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).First.ClickAsync();
        await Expect(page.GetByText("2 rows (1–200 accepted)")).ToBeVisibleAsync();
        await page.GetByLabel("molecule in row 1").FillAsync("SiO");
        await page.GetByLabel("abundance in row 1").FillAsync("1e-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        // The empty second row is not sent; the cloud goes with its defaults, 10000 cm-3 and 0.1 pc.
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var jobId = BrowserServer.JobIdOf(page);
        var csv = await server.Http.GetStringAsync($"/uws/column-density/{jobId}/results/column_densities");
        Assert.Equal("molecule,abundance,column_density\nSiO,1E-10,3.085700e+11\n", csv);
    }
}
