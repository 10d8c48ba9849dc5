// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The generated forms of the example services: controls, checks in the page and on the server, submission.</summary>
public sealed class FormTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static ILocator ErrorOf(IPage page, string parameter) => page.Locator($"#p-{parameter}-error");

    [Fact]
    public async Task HelloForm_RunsTheJobAndOpensItsPage_WhenSubmitted()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=hello");

        await page.GetByLabel("name").FillAsync("Ada Lovelace");
        await page.GetByLabel("times").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=greeting] pre")).ToHaveTextAsync("Hello, Ada Lovelace!\nHello, Ada Lovelace!\nHello, Ada Lovelace!\n");
        await Expect(page.Locator("#content table").First).ToContainTextAsync("Ada Lovelace");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task HelloForm_IsFilledAndSentWithTheKeyboardAlone()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=hello");
        await Expect(page.GetByLabel("name")).ToBeVisibleAsync();

        // From the top of the page: the skip link, then the main navigation, then the form's first field.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("name")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Alan");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("[data-result=greeting] pre")).ToHaveTextAsync("Hello, Alan!\n");
    }

    [Fact]
    public async Task HelloForm_ShowsTheErrorNextToTheFieldAndSendsNothing_WhenAValueBreaksTheRules()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=hello");

        await page.GetByLabel("name").FillAsync("1st");
        await page.GetByLabel("times").FillAsync("101");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(ErrorOf(page, "name")).ToHaveTextAsync("'1st' must be a letter, then letters, spaces, dots or hyphens");
        await Expect(ErrorOf(page, "times")).ToHaveTextAsync("101 is above the maximum 100");
        await Expect(page.GetByLabel("name")).ToBeFocusedAsync();
        Assert.Contains("form.html", page.Url, StringComparison.Ordinal);
        await BrowserServer.ScreenshotAsync(page, "form-errors");
        using var jobs = JsonDocument.Parse(await server.Http.GetStringAsync("/api/jobs?service=hello"));
        Assert.DoesNotContain(jobs.RootElement.GetProperty("jobs").EnumerateArray(), job => job.GetProperty("phase").GetString() is null);
    }

    [Fact]
    public async Task VisibilityForm_ShowsTheServersReasonNextToTheField_WhenOnlyTheServerRefuses()
    {
        var page = await server.NewPageAsync();
        // A page holding an older description (here: a larger maximum) lets the value through; the server has the last word.
        await page.RouteAsync("**/api/services/ud-visibility", async route =>
        {
            var response = await route.FetchAsync();
            var description = JsonNode.Parse(await response.TextAsync())!;
            description["parameters"]![0]!["max"] = 1000;
            await route.FulfillAsync(new() { Response = response, Body = description.ToJsonString() });
        });
        await page.GotoAsync("/web/form.html?service=ud-visibility");

        await page.GetByLabel("theta").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(ErrorOf(page, "theta")).ToHaveTextAsync("200 is above the maximum 100");
        await Expect(page.Locator("#alert")).ToContainTextAsync("The server refused the job");
        Assert.Contains("form.html", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VisibilityForm_ShowsTheLimbDarkeningCoefficient_OnlyForTheLimbDarkenedModel()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=ud-visibility");
        var coefficient = page.Locator("[data-parameter=u]");
        await Expect(coefficient).ToBeHiddenAsync();

        await page.GetByLabel("model").SelectOptionAsync("limb-darkened");

        await Expect(coefficient).ToBeVisibleAsync();
        await Expect(page.GetByLabel("u", new() { Exact = true })).ToHaveValueAsync("0.3");
        await page.GetByLabel("u", new() { Exact = true }).FillAsync("0.6");
        await page.GetByLabel("theta").FillAsync("2.5");
        await page.Locator("#p-baselines-0").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a value" }).ClickAsync();
        await page.Locator("#p-baselines input").Last.FillAsync("20");
        await BrowserServer.ScreenshotAsync(page, "form");
        await BrowserServer.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var parameters = page.Locator("#content table").First;
        await Expect(parameters).ToContainTextAsync("limb-darkened");
        await Expect(parameters).ToContainTextAsync("0.6");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task CountdownForm_ExplainsTheRefusedCombination_WhenFailAtIsNotBeforeTheEnd()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=countdown");

        await page.GetByLabel("seconds").FillAsync("30");
        await page.GetByLabel("fail_at").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(ErrorOf(page, "fail_at")).ToHaveTextAsync("40 must be less than seconds (30)");
        // The server refuses the same combination in the same words.
        using var refused = await server.Http.PostAsync("/uws/countdown",
            new FormUrlEncodedContent([new("seconds", "30"), new("fail_at", "40")]));
        Assert.Equal("fail_at: 40 must be less than seconds (30)", (await refused.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task TableStatsForm_UploadsTheFileAndShowsTheStatisticsAsATable()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=table-stats");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(ErrorOf(page, "table")).ToHaveTextAsync("a file is required");
        await page.Locator("#p-table").SetInputFilesAsync(new FilePayload
        {
            Name = "stars.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("name,mag,dist\nVega,0.03,7.68\nSirius,-1.46,2.64\nAltair,0.76,5.13\n"),
        });
        await page.GetByLabel("delimiter").SelectOptionAsync("comma");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var stats = page.Locator("[data-result=stats] table");
        await Expect(stats.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(stats.Locator("tbody tr").First).ToContainTextAsync("mag");
        await Expect(page.Locator("#content table").First).ToContainTextAsync("uploaded file");
        Assert.Empty(server.PageErrors);
    }
}
