// SPDX-License-Identifier: MIT
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The job list in keyset pages, on a server of its own (the count of jobs matters).</summary>
public sealed class JobListPagingTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task JobList_WalksOlderAndNewerPages_WhenThereAreMoreJobsThanAPageHolds()
    {
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            ids.Add(await Jobs.CreateAsync(server.Http, "countdown", run: false, ("seconds", "5")));
        }

        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/jobs.html?service=countdown");
        var rows = page.Locator("#jobs tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Newer" })).ToBeDisabledAsync();
        var first = await ShownAsync(rows);

        await page.GetByRole(AriaRole.Button, new() { Name = "Older" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(3);
        var second = await ShownAsync(rows);
        // Jobs made in the same millisecond tie on creation time, so the test checks the pages, not the order within them.
        Assert.Empty(first.Intersect(second));
        Assert.Equal(ids.Order(), first.Concat(second).Order());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Older" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Newer" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(20);
        Assert.Equal(first, await ShownAsync(rows));
    }

    private static Task<string[]> ShownAsync(ILocator rows) => rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.job)");
}
