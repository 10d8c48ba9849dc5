// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// A job followed live on its page, on a server that runs one job at a time: queued behind another, then
/// executing with a moving progress bar, then completed, all in the same document; and a long job aborted.
/// </summary>
public sealed class LiveJobTests(SingleSlotBrowserServer server) : IClassFixture<SingleSlotBrowserServer>
{
    [Fact]
    public async Task JobPage_FollowsQueuedExecutingCompletedAndTheProgress_WithoutReloading()
    {
        var blocker = await Jobs.CreateAsync(server.Http, "countdown", run: true, ("seconds", "600"));
        Assert.Equal("EXECUTING", await Jobs.WaitWhileAsync(server.Http, "countdown", blocker, "PENDING", "QUEUED"));
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=countdown");
        await page.GetByLabel("seconds").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("QUEUED");
        // Marks this document and records every value the progress bar takes from now on.
        await page.EvaluateAsync("""
            () => {
              window.sameDocument = true;
              window.progressSeen = [];
              new MutationObserver(() => {
                const bar = document.querySelector('#progress-bar');
                if (bar) window.progressSeen.push(bar.value);
              }).observe(document.getElementById('progress'), { childList: true, subtree: true });
            }
            """);

        using var abort = await server.Http.PostAsync($"/uws/countdown/{blocker}/phase", new FormUrlEncodedContent([new("PHASE", "ABORT")]));

        await Expect(page.Locator("#phase")).ToContainTextAsync("EXECUTING");
        await Expect(page.Locator("#progress-bar")).ToBeVisibleAsync();
        await BrowserServer.ScreenshotAsync(page, "job-executing");
        await Expect(page.Locator("#phase")).ToContainTextAsync("COMPLETED", new() { Timeout = 30_000 });
        await Expect(page.Locator("#phase-history")).ToHaveTextAsync("Phases seen: QUEUED → EXECUTING → COMPLETED");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        var progress = await page.EvaluateAsync<double[]>("() => window.progressSeen");
        Assert.True(progress.Where(p => p is > 0 and < 1).Distinct().Count() >= 2, $"the progress bar took the values {string.Join(", ", progress)}");
        await Expect(page.Locator("[data-result=summary] pre")).ToContainTextAsync("outcome: completed");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task Abort_StopsALongJobAfterConfirmation()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/form.html?service=countdown");
        await page.GetByLabel("seconds").FillAsync("600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToContainTextAsync("EXECUTING", new() { Timeout = 30_000 });
        string? question = null;
        page.Dialog += (_, dialog) => question = dialog.Message;

        await page.GetByRole(AriaRole.Button, new() { Name = "Abort" }).ClickAsync();

        await Expect(page.Locator("#phase")).ToContainTextAsync("ABORTED");
        Assert.Equal("Abort this job? Its process is stopped and cannot be resumed.", question);
        Assert.Equal("ABORTED", await Jobs.PhaseAsync(server.Http, "countdown", BrowserServer.JobIdOf(page)));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abort" })).ToHaveCountAsync(0);
    }
}
