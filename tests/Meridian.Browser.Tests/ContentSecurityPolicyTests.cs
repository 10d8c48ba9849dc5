// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// Every page of the browser client (services, job lists, each service's form, sign-in, and job pages with each
/// kind of preview) runs under its Content-Security-Policy without one violation and without a script error;
/// and the policy lets a page reach a SAMP hub's Web Profile, and nothing else off this server.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string RealOifits = "/work/shared/data/oifits/Bin_Ary--MIRC_H_with_img.fits";

    // Recorded in the page before its own scripts run, so that nothing is missed.
    private const string ViolationRecorder = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
        """;

    [Fact]
    public async Task EveryPage_RunsWithoutAPolicyViolationOrScriptError()
    {
        var folder = Directory.CreateTempSubdirectory("meridian-csp-").FullName;
        foreach (var script in new[] { "write_fits.py", "write_votables.py", "write_fits_tables.py" })
        {
            var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Fits", script), folder]);
            Assert.True(python.ExitCode == 0, $"{script}: {python.Errors}");
        }

        var services = server.Application.Services.GetRequiredService<ServiceCatalog>().Services.Select(s => s.Name).Order().ToList();
        var pages = new List<string> { "/web/", "/web/jobs.html", "/web/signin.html" };
        pages.AddRange(services.SelectMany(s => new[] { $"/web/jobs.html?service={s}", $"/web/form.html?service={s}" }));
        pages.Add(await JobPageAsync("fits-copy", "image", Path.Combine(folder, "scaled.fits")));
        pages.Add(await JobPageAsync("fits-copy", "image", Path.Combine(folder, "cube.fits")));
        pages.Add(await JobPageAsync("fits-copy", "image", Path.Combine(folder, "table.fits")));
        pages.Add(await JobPageAsync("fits-copy", "image", RealOifits));
        pages.Add(await JobPageAsync("votable-copy", "table", Path.Combine(folder, "stars-binary2.vot")));
        var csv = await Jobs.CreateAsync(server.Http, "ud-visibility", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "ud-visibility", csv, "PENDING", "QUEUED", "EXECUTING"));
        pages.Add($"/web/job.html?service=ud-visibility&id={csv}");
        var text = await Jobs.CreateAsync(server.Http, "hello", run: true);
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "hello", text, "PENDING", "QUEUED", "EXECUTING"));
        pages.Add($"/web/job.html?service=hello&id={text}");

        var page = await server.NewPageAsync();
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add($"{page.Url}: {message.Text}");
            }
        };
        var errors = server.PageErrors.Count;
        foreach (var path in pages)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Loading…");
            if (path.Contains("job.html", StringComparison.Ordinal))
            {
                // Open every HDU and stdout, so that tables and logs are drawn too.
                foreach (var summary in await page.Locator("details > summary").AllAsync())
                {
                    await summary.ClickAsync();
                }

                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            }

            var violations = await page.EvaluateAsync<string[]>("window.__violations");
            Assert.True(violations.Length == 0, $"{path}: {string.Join("; ", violations)}");
        }

        Assert.Empty(console);
        Assert.Equal(errors, server.PageErrors.Count);
    }

    [Fact]
    public async Task ThePolicy_LetsAPageCallASampHub_AndNoOtherAddress()
    {
        var page = await server.NewPageAsync();
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        await page.GotoAsync("/web/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // Whether or not a hub listens, the hub's two addresses are allowed; the port next to it is not.
        foreach (var allowed in new[] { "http://127.0.0.1:21012/", "http://localhost:21012/" })
        {
            await page.EvaluateAsync("(url) => fetch(url, { method: 'POST', body: '' }).catch(() => null)", allowed);
        }

        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        await page.EvaluateAsync("() => fetch('http://127.0.0.1:21013/').catch(() => null)");
        await Expect(page.Locator("body")).ToBeVisibleAsync();
        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        Assert.Contains(violations, v => v.StartsWith("connect-src blocked http://127.0.0.1:21013", StringComparison.Ordinal));
    }

    private async Task<string> JobPageAsync(string service, string parameter, string file) =>
        $"/web/job.html?service={service}&id={await Jobs.RunWithFileAsync(server.Http, service, parameter, file)}";
}
