// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>
/// A job page's Reproduce commands, taken from the page and run for real: the curl command with bash and the pyvo
/// script with python3, each in a folder holding the upload, must create a job with the same parameters.
/// </summary>
public sealed class ReproduceTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    private const string Stars = "name,mag\nVega,0.03\nSirius,-1.46\n";
    // Quotes, a dollar, a backquote and a semicolon: nothing of it may reach a shell as syntax.
    private const string RunId = "it's \"$HOME\" `id`; ok";

    private async Task<string> CreateSourceAsync()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Stars)), "table", "my stars.csv" },
            { new StringContent("comma"), "delimiter" },
            { new StringContent(RunId), "RUNID" },
            { new StringContent("45"), "EXECUTIONDURATION" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await server.Http.PostAsync("/uws/table-stats", form);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var id = created.Headers.Location!.Segments[^1];
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "table-stats", id, "QUEUED", "EXECUTING"));
        return id;
    }

    private static async Task<string> RunAsync(string program, string argument, string folder)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"{program} failed: {await errors}");
        return (await output).Trim();
    }

    /// <summary>The job a command created has the source's parameters, label, time limit and file.</summary>
    private async Task AssertSameJobAsync(string jobUrl, string source)
    {
        var id = new Uri(jobUrl).Segments[^1];
        Assert.NotEqual(source, id);
        using var copy = await JobJson.GetAsync(server.Http, "table-stats", id);
        var job = copy.RootElement;
        Assert.Equal(RunId, job.GetProperty("runId").GetString());
        Assert.Equal(45, job.GetProperty("executionDuration").GetInt32());
        Assert.Contains(job.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("id").GetString() == "delimiter" && p.GetProperty("value").GetString() == "comma");
        Assert.Equal(Stars, await server.Http.GetStringAsync($"/uws/table-stats/{id}/parameters/table"));
        using var uploads = JsonDocument.Parse(await server.Http.GetStringAsync($"/api/jobs/table-stats/{id}/uploads"));
        Assert.Equal("my stars.csv", uploads.RootElement[0].GetProperty("fileName").GetString());
        Assert.Equal("COMPLETED", await Jobs.WaitWhileAsync(server.Http, "table-stats", id, "PENDING", "QUEUED", "EXECUTING"));
    }

    [Theory]
    [InlineData(1100)]
    [InlineData(390)]
    public async Task ReproduceCommands_CreateTheSameJob_WhenRun(int width)
    {
        var source = await CreateSourceAsync();
        var page = await server.NewPageAsync(width);
        await page.GotoAsync($"/web/job.html?service=table-stats&id={source}");
        await Expect(page.Locator("#reproduce-curl")).ToContainTextAsync("curl");

        var curl = await page.Locator("#reproduce-curl").TextContentAsync();
        var pyvo = await page.Locator("#reproduce-pyvo").TextContentAsync();
        var cli = await page.Locator("#reproduce-cli").TextContentAsync();
        await page.Locator("#reproduce").ScrollIntoViewIfNeededAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the curl command" }).ClickAsync();
        await Expect(page.Locator("[data-command=curl] [role=status]")).Not.ToBeEmptyAsync();
        await BrowserServer.ScreenshotAsync(page, $"job-reproduce-{width}");
        await BrowserServer.AssertAccessibleAsync(page);

        var folder = Directory.CreateTempSubdirectory("meridian-reproduce-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "my stars.csv"), Stars);
            await AssertSameJobAsync(await RunAsync("/bin/bash", WriteScript(folder, "curl.sh", curl!), folder), source);
            await AssertSameJobAsync(await RunAsync("/usr/bin/python3", WriteScript(folder, "reproduce.py", pyvo!), folder), source);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.StartsWith("meridian submit \\\n  'http://", cli, StringComparison.Ordinal);
        Assert.Contains("'table=@my stars.csv'", cli, StringComparison.Ordinal);
        Assert.Contains("'RUNID=it'\\''s \"$HOME\" `id`; ok'", cli, StringComparison.Ordinal);
        Assert.EndsWith("--run", cli, StringComparison.Ordinal);
        Assert.Empty(server.PageErrors);
    }

    private static string WriteScript(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }
}
