// SPDX-License-Identifier: MIT
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// The form's details: a list pasted or given as a range, optional fields marked, a pattern refused in words, a
/// time limit over the maximum said so before and after sending, sizes in the units limits are written in, and
/// disabled buttons that look disabled.
/// </summary>
public sealed class FormDetailsTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static async Task<IReadOnlyList<string>> RowValuesAsync(IPage page, string parameter) =>
        await page.Locator($"#p-{parameter} input").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task ListField_TakesARangeOrAPastedList_AsOneRowPerValue(int width)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=ud-visibility");
        await Expect(page.Locator("[data-parameter=baselines] .help")).ToContainTextAsync("a range start:stop:step (1:9:2 gives 1, 3, 5, 7, 9)");

        await page.GetByLabel("Values at once").First.FillAsync("5:1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).First.ClickAsync();
        await Expect(page.Locator("#p-baselines-paste-error")).ToHaveTextAsync("a range goes up: 1 is below its start 5");

        // Every row removed, then a range typed at once.
        while (await page.Locator("#p-baselines .row").CountAsync() > 0)
        {
            await page.Locator("#p-baselines .row button").First.ClickAsync();
        }

        await page.GetByLabel("Values at once").First.FillAsync("1:10:2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).First.ClickAsync();
        Assert.Equal(["1", "3", "5", "7", "9"], await RowValuesAsync(page, "baselines"));
        await Expect(page.Locator("#p-baselines-paste-error")).ToBeHiddenAsync();

        // A list pasted into the last row replaces it with one row per value.
        await page.Locator("#p-baselines input").Last.EvaluateAsync(
            "input => { const data = new DataTransfer(); data.setData('text/plain', '100, 200 300'); input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }");
        Assert.Equal(["1", "3", "5", "7", "100", "200", "300"], await RowValuesAsync(page, "baselines"));
        await BrowserServer.ScreenshotAsync(page, $"form-list-range-{width}");
        await BrowserServer.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        using var job = await JobJson.GetAsync(server.Http, "ud-visibility", BrowserServer.JobIdOf(page));
        Assert.Equal(["1", "3", "5", "7", "100", "200", "300"], job.RootElement.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("id").GetString() == "baselines").Select(p => p.GetProperty("value").GetString()!));
        Assert.Empty(server.PageErrors);
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task Fields_AreMarkedOptional_AndSizesReadAsTheLimitIsWritten(int width)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=table-stats");

        await Expect(page.Locator("[data-parameter=table]")).ToContainTextAsync("(required)");
        await Expect(page.Locator("[data-parameter=table] .optional-mark")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-parameter=delimiter] .optional-mark")).ToHaveTextAsync("optional");
        // max_size: 10MB is 10 000 000 bytes, shown as 10 MB (not 9.5).
        await Expect(page.Locator("#p-table-help")).ToContainTextAsync("at most 10 MB");
        await BrowserServer.ScreenshotAsync(page, $"form-optional-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task PatternField_IsExplainedInWords_InTheHintAndTheError_AsTheServerSaysIt(int width)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=hello");
        await Expect(page.Locator("#p-name-help")).ToContainTextAsync("must be a letter, then letters, spaces, dots or hyphens");

        await page.GetByLabel("name").FillAsync("1st");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();

        await Expect(page.Locator("#p-name-error")).ToHaveTextAsync("'1st' must be a letter, then letters, spaces, dots or hyphens");
        Assert.DoesNotContain("^", await page.Locator("[data-parameter=name]").TextContentAsync(), StringComparison.Ordinal);
        await BrowserServer.ScreenshotAsync(page, $"form-pattern-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
        using var refused = await server.Http.PostAsync("/uws/hello", new FormUrlEncodedContent([new("name", "1st")]));
        Assert.Equal("name: '1st' must be a letter, then letters, spaces, dots or hyphens", (await refused.Content.ReadAsStringAsync()).Trim());
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task TimeLimit_OverTheMaximum_IsSaidInTheFormAndOnTheJobsPage(int width)
    {
        var page = await server.NewPageAsync(width);
        await page.GotoAsync("/web/form.html?service=hello");
        await page.Locator("summary", new() { HasText = "Job limits" }).ClickAsync();

        await page.GetByLabel("Time limit").FillAsync("5000");

        await Expect(page.Locator("#executionduration-clamp")).ToHaveTextAsync("hello allows at most 60 s: the job will get 60 s, not 5000 s.");
        await BrowserServer.ScreenshotAsync(page, $"form-time-limit-{width}");
        await BrowserServer.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Time limit: you asked for 5000 s; hello allows at most 60 s, so the job has 60 s.");
        using var job = await JobJson.GetAsync(server.Http, "hello", BrowserServer.JobIdOf(page));
        Assert.Equal(60, job.RootElement.GetProperty("executionDuration").GetInt32());
        // Said once: the page opened again has no notice.
        await page.ReloadAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED");
        await Expect(page.Locator("#notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DisabledButton_LooksDisabled()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=hello");
        var run = page.GetByRole(AriaRole.Button, new() { Name = "Run job" });
        var enabled = await run.EvaluateAsync<string>("b => getComputedStyle(b).opacity + ' ' + getComputedStyle(b).cursor");

        await run.EvaluateAsync("b => { b.disabled = true; }");

        var disabled = await run.EvaluateAsync<string>("b => getComputedStyle(b).opacity + ' ' + getComputedStyle(b).cursor");
        Assert.Equal("1 pointer", enabled);
        Assert.Equal("0.45 not-allowed", disabled);
        await BrowserServer.ScreenshotAsync(page, "form-disabled-button");
    }
}
