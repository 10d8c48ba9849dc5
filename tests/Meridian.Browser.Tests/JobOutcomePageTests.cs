// SPDX-License-Identifier: MIT
using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// A job's page ordered by outcome: phase and run time, what went wrong (once), results (all in one zip), logs
/// (followed while the job runs), parameters (a list on one row), times, provenance (its files linked).
/// </summary>
public sealed class JobOutcomePageTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private static readonly string[] Order = ["phase", "run-time", "actions", "error", "results", "logs", "parameters", "times", "provenance"];

    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task FailedJob_SaysWhatWentWrongOnce_BeforeEverythingElse(int width, string name)
    {
        var id = await Jobs.CreateAsync(server.Http, "shout", run: true, ("message", $"cannot read frame 7 ({name})"));
        Assert.Equal("ERROR", await Jobs.WaitWhileAsync(server.Http, "shout", id, "PENDING", "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync(width);

        await page.GotoAsync($"/web/job.html?service=shout&id={id}");

        await Expect(page.Locator("#error #stderr")).ToHaveTextAsync($"cannot read frame 7 ({name})\n");
        await Expect(page.Locator("#error .error")).ToHaveTextAsync("The program exited with code 4.");
        await Expect(page.Locator("#logs [data-log=stderr]")).ToContainTextAsync("Shown above, under What went wrong");
        await Expect(page.Locator("#provenance svg")).ToBeVisibleAsync();
        // Once, besides the parameter that holds it and the three commands that recreate the job with it.
        await Expect(page.Locator("#reproduce pre")).ToHaveCountAsync(3);
        var text = await page.Locator("main").InnerTextAsync();
        var parameters = await page.Locator("#parameters").InnerTextAsync();
        var reproduce = await page.Locator("#reproduce").InnerTextAsync();
        Assert.Equal(1, Regex.Count(parameters, Regex.Escape($"cannot read frame 7 ({name})")));
        Assert.Equal(3, Regex.Count(reproduce, Regex.Escape($"cannot read frame 7 ({name})")));
        Assert.Equal(2 + 3, Regex.Count(text, Regex.Escape($"cannot read frame 7 ({name})")));
        Assert.Equal(1, Regex.Count(text, "exited with code 4"));
        Assert.Equal(Order, await ShownOrderAsync(page));
        await Expect(page.Locator("#times")).ToContainTextAsync("Time limit30 s");
        await Expect(page.Locator("#times")).Not.ToContainTextAsync("Execution duration");
        await BrowserServer.ScreenshotAsync(page, $"job-failed-{name}");
        await BrowserServer.AssertAccessibleAsync(page);
        Assert.Empty(server.PageErrors);
    }

    [Theory]
    [InlineData(1100, "desktop")]
    [InlineData(390, "phone")]
    public async Task CompletedJob_ShowsItsRunTime_AListOnOneRow_AndGivesAllResultsAsOneZip(int width, string name)
    {
        var id = await Jobs.CreateAsync(server.Http, "ud-visibility", run: true, ("baselines", "10 50 100"), ("RUNID", $"three baselines {name}"));
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "ud-visibility", id, "PENDING", "QUEUED", "EXECUTING"));
        var page = await server.NewPageAsync(width);

        await page.GotoAsync($"/web/job.html?service=ud-visibility&id={id}");

        var runTime = await Runs.RunTimeAsync(server.Http, "ud-visibility", id);
        await Expect(page.Locator("#run-time")).ToHaveTextAsync($"Run time: {runTime} (time limit 60 s)");
        await Expect(page.Locator("#times")).ToContainTextAsync($"Run time{runTime}");
        await Expect(page.Locator("#parameters tr[data-parameter=baselines]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#parameters tr[data-parameter=baselines] td")).ToHaveTextAsync("10 50 100");
        await Expect(page.Locator("#results [data-result=vis2] tbody tr")).ToHaveCountAsync(3);
        // stdout and stderr are shown under Logs, not again among the results.
        await Expect(page.Locator("#results [data-result=stdout]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#logs [data-log=stderr]")).ToContainTextAsync("Nothing written.");
        await Expect(page.Locator("#provenance svg")).ToBeVisibleAsync();
        Assert.Equal(Order.Where(s => s != "error"), await ShownOrderAsync(page));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#results-zip").ClickAsync());
        using (var archive = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Equal(["plot.svg", "stderr.txt", "stdout.txt", "vis2.csv"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var csv = new StreamReader(archive.GetEntry("vis2.csv")!.Open());
            Assert.Equal(await server.Http.GetStringAsync($"/uws/ud-visibility/{id}/results/vis2"), await csv.ReadToEndAsync());
        }

        // Each generated file of the provenance graph leads to its preview on the page.
        var graph = page.Locator("#provenance svg");
        if (width < 640)
        {
            await Expect(graph).ToHaveAttributeAsync("data-layout", "narrow");
            var scale = await graph.EvaluateAsync<double>("s => s.getBoundingClientRect().width / s.viewBox.baseVal.width");
            Assert.True(scale > 0.95, $"the graph is drawn at {scale:0.00} of its size, too small to read");
        }

        await page.Locator("#provenance").ScrollIntoViewIfNeededAsync();
        await BrowserServer.ScreenshotAsync(page, $"job-completed-{name}");
        await BrowserServer.AssertAccessibleAsync(page);
        await graph.Locator("a.prov-link", new() { HasText = "vis2" }).ClickAsync();
        await BrowserServer.ArrivesAtAsync(page, new Regex("#result-vis2$"));
        await Expect(page.Locator("#result-vis2 h3")).ToBeInViewportAsync();
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task RunningJob_ShowsItsStdout_AsTheCodeWritesIt()
    {
        var id = await Jobs.CreateAsync(server.Http, "countdown", run: true, ("seconds", "60"));
        var page = await server.NewPageAsync(390);
        await page.GotoAsync($"/web/job.html?service=countdown&id={id}");
        await Expect(page.Locator("#phase")).ToContainTextAsync("EXECUTING", new() { Timeout = 30_000 });

        var stdout = page.Locator("#logs #stdout");
        await Expect(stdout).ToBeVisibleAsync(new() { Timeout = 10_000 });
        var first = (await stdout.TextContentAsync())!.Length;
        await page.WaitForFunctionAsync("n => document.querySelector('#logs #stdout')?.textContent.length > n", first, new() { Timeout = 15_000 });
        await Expect(page.Locator("#run-time")).ToContainTextAsync("so far");
        await BrowserServer.ScreenshotAsync(page, "job-running-logs-phone");
        using var abort = await server.Http.PostAsync($"/uws/countdown/{id}/phase", new FormUrlEncodedContent([new("PHASE", "ABORT")]));
        await Expect(page.Locator("#phase")).ToContainTextAsync("ABORTED");
        Assert.Empty(server.PageErrors);
    }

    // The sections in the order the page shows them, top to bottom.
    private static Task<string[]> ShownOrderAsync(IPage page) =>
        page.EvaluateAsync<string[]>("ids => [...document.querySelectorAll('#content > *')].filter(e => e.id && ids.includes(e.id) && e.childElementCount + e.textContent.length > 0).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map(e => e.id)", Order);
}
