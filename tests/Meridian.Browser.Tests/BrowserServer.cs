// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Meridian.Browser.Tests;

/// <summary>
/// The real server with the example services of services/ (plus the test service shout), on a real port, and
/// Debian's Chromium driven by Playwright. One per test class; its tests share the server and the browser.
/// </summary>
public class BrowserServer : IAsyncLifetime
{
    /// <summary>How long an action or a navigation may take on a loaded machine.</summary>
    public const float ActionTimeout = 20_000;

    private readonly Dictionary<string, string> _settings;
    private readonly string _services;
    private IPlaywright? _playwright;

    public BrowserServer()
        : this(new Dictionary<string, string>())
    {
    }

    protected BrowserServer(Dictionary<string, string> settings)
    {
        _settings = settings;
        _services = Directory.CreateTempSubdirectory("meridian-browser-services-").FullName;
        CopyDirectory(Path.Combine(ExampleServicesApplication.RepositoryRoot(), "services"), _services);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "TestServices"), _services);
    }

    public MeridianApplication Application { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http => Application.Client;

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Application = new MeridianApplication(_settings, _services);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Debian's Chromium: Playwright's own browser download is neither wanted nor reachable.
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Application.Dispose();
        Directory.Delete(_services, recursive: true);
    }

    /// <summary>A fresh page (its own cookies and storage) that accepts every confirmation and fails on a script error.</summary>
    public async Task<IPage> NewPageAsync(int width = 1100)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Application.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        context.SetDefaultTimeout(ActionTimeout);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>Uncaught script errors of every page: a test ends by checking there were none.</summary>
    public List<string> PageErrors { get; } = [];

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });
    }

    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"axe found on {page.Url}:\n{string.Join("\n", serious)}");
    }

    /// <summary>
    /// Waits until the page's address matches, as a click's navigation brings it there. Unlike WaitForURLAsync,
    /// which compares the address once and then listens for the next navigation, this polls: a navigation that
    /// ends between the comparison and the listening is not missed.
    /// </summary>
    public static Task ArrivesAtAsync(IPage page, Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = ActionTimeout });

    /// <summary>Waits until the page has left the address that contains this text (a job's id).</summary>
    public static Task LeavesAsync(IPage page, string text) =>
        Assertions.Expect(page).Not.ToHaveURLAsync(new Regex(Regex.Escape(text)), new() { Timeout = ActionTimeout });

    /// <summary>The id of the job whose page is open.</summary>
    public static string JobIdOf(IPage page) => Regex.Match(page.Url, "[?&]id=([^&]+)").Groups[1].Value;

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

/// <summary>A server that runs one job at a time, so that a second job is seen waiting QUEUED.</summary>
public sealed class SingleSlotBrowserServer : BrowserServer
{
    public SingleSlotBrowserServer()
        : base(new Dictionary<string, string> { ["Meridian:MaxConcurrentJobs"] = "1" })
    {
    }
}
