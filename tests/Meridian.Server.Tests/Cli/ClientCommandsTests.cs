// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Meridian.Cli.Client;

namespace Meridian.Server.Tests.Cli;

/// <summary>The `meridian` UWS client end to end against a real server: submit with an upload, wait, results, list, show, abort, delete, --json.</summary>
public sealed class ClientCommandsTests : IClassFixture<MeridianApplication>, IDisposable
{
    private readonly string _root;
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-cli-").FullName;

    public ClientCommandsTests(MeridianApplication app) => _root = app.BaseAddress.ToString().TrimEnd('/');

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Services_AsJson_ListsEachServiceWithItsJobList()
    {
        var (code, output, _) = await RunAsync("services", _root, "--json");
        Assert.Equal(0, code);
        var echo = JsonNode.Parse(output)!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "echo")!;
        Assert.Equal($"{_root}/uws/echo", echo["jobs"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_WithAFile_AndWait_ThenResults_DownloadsWhatTheJobMade()
    {
        var data = Path.Combine(_folder, "lines.txt");
        await File.WriteAllTextAsync(data, "one\ntwo\nthree\n");

        var (code, output, errors) = await RunAsync("submit", $"{_root}/uws/upload", $"data=@{data}", "label=from the cli", "--wait", "--json");
        Assert.True(code == 0, errors);
        var job = JsonNode.Parse(output)!;
        Assert.Equal("COMPLETED", job["phase"]!.GetValue<string>());
        Assert.Equal("from the cli", job["parameters"]!["label"]!.GetValue<string>());
        var jobUrl = $"{_root}/uws/upload/{job["jobId"]!.GetValue<string>()}";

        var downloads = Path.Combine(_folder, "out");
        (code, output, errors) = await RunAsync("results", jobUrl, "--out", downloads, "--json");
        Assert.True(code == 0, errors);
        var files = JsonNode.Parse(output)!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!["file"]!.GetValue<string>());
        Assert.Equal("3", (await File.ReadAllTextAsync(files["count"])).Trim());
        Assert.Equal("one\ntwo\nthree\n", await File.ReadAllTextAsync(Path.Combine(downloads, "copies", "a.dat")));
    }

    [Fact]
    public async Task PendingJob_IsListedShownAbortedAndDeleted()
    {
        var (code, jobUrl, errors) = await RunAsync("submit", $"{_root}/uws/echo", "text=kept for later", "items=4", "items=5");
        Assert.True(code == 0, errors);
        jobUrl = jobUrl.Trim();
        var jobId = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];

        var (_, list, _) = await RunAsync("list", $"{_root}/uws/echo", "--phase", "PENDING", "--json");
        Assert.Contains(JsonNode.Parse(list)!.AsArray(), j => j!["id"]!.GetValue<string>() == jobId && j["href"]!.GetValue<string>() == jobUrl);

        var (_, shown, _) = await RunAsync("show", jobUrl);
        Assert.Contains("phase: PENDING", shown);
        Assert.Contains("parameter text: kept for later", shown);
        Assert.Contains("parameter items: 5", shown);

        Assert.Equal(0, (await RunAsync("abort", jobUrl)).Code);
        var (_, aborted, _) = await RunAsync("show", jobUrl, "--json");
        Assert.Equal("ABORTED", JsonNode.Parse(aborted)!["phase"]!.GetValue<string>());

        Assert.Equal(0, (await RunAsync("delete", jobUrl)).Code);
        var (gone, _, reason) = await RunAsync("show", jobUrl);
        Assert.Equal(1, gone);
        Assert.Contains("404", reason);
    }

    [Fact]
    public async Task Wait_OnAFailingJob_ExitsWith1_AndShowsTheError()
    {
        var (code, output, errors) = await RunAsync("submit", $"{_root}/uws/fail", "code=4", "--wait");
        Assert.Equal(1, code);
        Assert.EndsWith("ERROR", errors.Trim());
        Assert.Contains("phase: ERROR", output);
        Assert.Contains("error: ", output);
    }

    [Theory]
    [InlineData(2, "unknown option --colour", "list", "http://127.0.0.1:1/uws/echo", "--colour")]
    [InlineData(2, "not name=value", "submit", "http://127.0.0.1:1/uws/echo", "text")]
    [InlineData(2, "a command and a URL are needed", "show")]
    public async Task BadCommandLines_ExitWith2(int expected, string reason, params string[] args)
    {
        var (code, _, errors) = await RunAsync(args);
        Assert.Equal(expected, code);
        Assert.Contains(reason, errors);
    }

    [Fact]
    public async Task ARefusedSubmission_ExitsWith1_WithTheServersReason()
    {
        var (code, _, errors) = await RunAsync("submit", $"{_root}/uws/echo", "count=99");
        Assert.Equal(1, code);
        Assert.Contains("400 count: 99 is above the maximum 10", errors);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await ClientCommands.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
