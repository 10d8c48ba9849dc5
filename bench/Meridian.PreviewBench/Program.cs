// SPDX-License-Identifier: MIT
// Time to first picture and page memory of the job page's previews, in real Chromium against a real server:
// a 4096 x 4096 float32 FITS image and a 100,000-row VOTable. Each figure is printed with its ratio to a floor
// measured in the same run: fetch() of the same bytes in the same page, a page of the client with no preview,
// and the JS heap of that page. It reports and judges nothing.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Meridian.PreviewBench;
using Microsoft.Playwright;

const int Runs = 3;
var inputs = Directory.CreateTempSubdirectory("meridian-preview-inputs-");
try
{
    var python = Process.Start(new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "write_inputs.py"), inputs.FullName } })!;
    await python.WaitForExitAsync();
    if (python.ExitCode != 0)
    {
        Console.Error.WriteLine("astropy could not write the inputs (python3-astropy is needed)");
        return 1;
    }

    using var server = await PreviewServer.StartAsync();
    using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
    var image = await RunAsync(http, "fits-copy", "image", Path.Combine(inputs.FullName, "image-4096.fits"));
    var table = await RunAsync(http, "votable-copy", "table", Path.Combine(inputs.FullName, "table-100k.vot"));

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
    });

    var blank = new List<(double Ms, double Heap)>();
    var fitsFetch = new List<double>();
    var tableFetch = new List<double>();
    var fits = new List<(double Ms, double Heap)>();
    var fitsFull = new List<(double Ms, double Heap)>();
    var votable = new List<(double Ms, double Heap)>();
    for (var run = 0; run < Runs; run++)
    {
        blank.Add(await MeasureAsync(browser, server.Address, "web/", "main h1"));
        fitsFetch.Add(await FetchAsync(browser, server.Address, $"uws/fits-copy/{image}/results/image"));
        tableFetch.Add(await FetchAsync(browser, server.Address, $"uws/votable-copy/{table}/results/table"));
        fits.Add(await MeasureAsync(browser, server.Address, $"web/job.html?service=fits-copy&id={image}", "[data-result=image] canvas[data-drawn]", "data-drawn"));
        fitsFull.Add(await MeasureAsync(browser, server.Address, $"web/job.html?service=fits-copy&id={image}", "[data-result=image] canvas[data-full]", "data-full"));
        votable.Add(await MeasureAsync(browser, server.Address, $"web/job.html?service=votable-copy&id={table}", "[data-result=table] .preview[data-drawn]", "data-drawn"));
    }

    double Median(IEnumerable<double> values) => values.Order().ElementAt(Runs / 2);
    var blankMs = Median(blank.Select(b => b.Ms));
    var blankHeap = Median(blank.Select(b => b.Heap));
    Console.WriteLine($"Previews in Chromium ({Environment.ProcessorCount} cores), median of {Runs} runs, each in a fresh page");
    Console.WriteLine($"{"figure",-52} {"value",12} {"floor",12} {"ratio",7}");
    void Row(string name, double value, double floor, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-52} {value,9:F0} {unit,-2} {floor,9:F0} {unit,-2} {value / floor,6:F1}x"));
    Row("blank page (services list) loaded", blankMs, blankMs, "ms");
    Row("FITS 4096x4096 float32: first picture / fetch()", Median(fits.Select(f => f.Ms)), Median(fitsFetch), "ms");
    Row("FITS 4096x4096 float32: first picture / blank page", Median(fits.Select(f => f.Ms)), blankMs, "ms");
    Row("FITS 4096x4096 float32: full resolution / fetch()", Median(fitsFull.Select(f => f.Ms)), Median(fitsFetch), "ms");
    Row("VOTable 100,000 rows: table shown / fetch()", Median(votable.Select(v => v.Ms)), Median(tableFetch), "ms");
    Row("VOTable 100,000 rows: table shown / blank page", Median(votable.Select(v => v.Ms)), blankMs, "ms");
    Row("JS heap + buffers, blank page", blankHeap, blankHeap, "MB");
    Row("JS heap + buffers, FITS 4096x4096 page / blank", Median(fits.Select(f => f.Heap)), blankHeap, "MB");
    Row("JS heap + buffers, VOTable 100,000 rows / blank", Median(votable.Select(v => v.Heap)), blankHeap, "MB");
    Console.WriteLine($"(the FITS file is {new FileInfo(Path.Combine(inputs.FullName, "image-4096.fits")).Length / 1048576.0:F0} MiB, the VOTable {new FileInfo(Path.Combine(inputs.FullName, "table-100k.vot")).Length / 1048576.0:F0} MiB; memory: the JS heap after a garbage collection, CDP Performance.getMetrics, plus typed arrays' buffers, Runtime.getHeapUsage backingStorageSize)");
    return 0;
}
finally
{
    inputs.Delete(recursive: true);
}

static async Task<string> RunAsync(HttpClient http, string service, string parameter, string file)
{
    using var form = new MultipartFormDataContent
    {
        { new StreamContent(File.OpenRead(file)), parameter, Path.GetFileName(file) },
        { new StringContent("RUN"), "PHASE" },
    };
    using var created = await http.PostAsync($"uws/{service}", form);
    if (created.StatusCode != HttpStatusCode.SeeOther)
    {
        throw new InvalidOperationException($"creating a {service} job answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
    }

    var id = created.Headers.Location!.Segments[^1];
    for (var phase = ""; phase != "COMPLETED";)
    {
        phase = (await http.GetStringAsync($"uws/{service}/{id}/phase")).Trim();
        if (phase is "ERROR" or "ABORTED")
        {
            throw new InvalidOperationException($"the {service} job ended {phase}");
        }

        await Task.Delay(200);
    }

    return id;
}

// Milliseconds from the navigation's start to the marker (the page's performance.now() when it drew, or the
// load event), and the JS heap once the page has shown it, after a garbage collection.
static async Task<(double Ms, double Heap)> MeasureAsync(IBrowser browser, Uri address, string path, string selector, string? attribute = null)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
    try
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(path);
        await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var ms = attribute is null
            ? await page.EvaluateAsync<double>("() => performance.now()")
            : double.Parse((await page.Locator(selector).First.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        await cdp.SendAsync("Performance.enable");
        var metrics = await cdp.SendAsync("Performance.getMetrics");
        var heap = metrics!.Value.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("name").GetString() == "JSHeapUsedSize").GetProperty("value").GetDouble();
        // Typed arrays' buffers (the image's pixels) live outside the JS heap; Runtime.getHeapUsage counts them.
        var usage = await cdp.SendAsync("Runtime.getHeapUsage");
        var buffers = usage!.Value.TryGetProperty("backingStorageSize", out var size) ? size.GetDouble() : 0;
        return (ms, (heap + buffers) / 1048576.0);
    }
    finally
    {
        await context.CloseAsync();
    }
}

// The floor: the same bytes with fetch() and arrayBuffer() in a page of the same origin, nothing done with them.
static async Task<double> FetchAsync(IBrowser browser, Uri address, string path)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
    try
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("web/favicon.svg");
        return await page.EvaluateAsync<double>("async (url) => { const t = performance.now(); await (await fetch(url)).arrayBuffer(); return performance.now() - t; }", address + path);
    }
    finally
    {
        await context.CloseAsync();
    }
}
