// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Meridian.Server.Tests;

/// <summary>A real UWS client, Debian's python3-pyvo, reads the documents the server emits.</summary>
public sealed class PyvoTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Pyvo_ParsesTheJobListAndACompletedJob()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "pyvo"), ("RUNID", "from-pyvo"), ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);

        using var parsed = await ReadWithPyvoAsync(new Uri(app.BaseAddress, "uws/echo").ToString(), jobUrl);

        var job = parsed.RootElement.GetProperty("job");
        Assert.Equal(jobUrl[(jobUrl.LastIndexOf('/') + 1)..], job.GetProperty("jobId").GetString());
        Assert.Equal("COMPLETED", job.GetProperty("phase").GetString());
        Assert.Equal("from-pyvo", job.GetProperty("runId").GetString());
        Assert.Equal("1.1", job.GetProperty("version").GetString());
        Assert.Equal(30.0, job.GetProperty("executionDuration").GetDouble());
        Assert.Contains(job.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("id").GetString() == "text" && p.GetProperty("value").GetString() == "pyvo");
        var args = job.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "args");
        Assert.Equal(jobUrl + "/results/args", args.GetProperty("href").GetString());
        Assert.Equal("text/plain", args.GetProperty("mimeType").GetString());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("startTime").GetString()));
        var listed = parsed.RootElement.GetProperty("list").EnumerateArray().Single(j => j.GetProperty("id").GetString() == job.GetProperty("jobId").GetString());
        Assert.Equal("COMPLETED", listed.GetProperty("phase").GetString());
        Assert.Equal("from-pyvo", listed.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task Pyvo_ParsesAFailedJobWithItsErrorSummary()
    {
        var jobUrl = await _uws.CreateAsync("fail", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);

        using var parsed = await ReadWithPyvoAsync(new Uri(app.BaseAddress, "uws/fail").ToString(), jobUrl);

        var job = parsed.RootElement.GetProperty("job");
        Assert.Equal("ERROR", job.GetProperty("phase").GetString());
        Assert.Equal("fatal", job.GetProperty("error").GetProperty("type").GetString());
        Assert.True(job.GetProperty("error").GetProperty("hasDetail").GetBoolean());
    }

    [Fact]
    public async Task Pyvo_RunsAWholeLifeCycle_WithItsGenericJobClass()
    {
        using var report = await RunPythonAsync("pyvo_lifecycle.py", new Uri(app.BaseAddress, "uws/echo").ToString());

        var root = report.RootElement;
        Assert.Equal("PENDING", root.GetProperty("created").GetString());
        Assert.Equal(45, root.GetProperty("executionDuration").GetDouble());
        Assert.Equal("COMPLETED", root.GetProperty("finished").GetString());
        Assert.StartsWith("via pyvo\n--count\n2\n", root.GetProperty("args").GetString());
        Assert.Equal(404, root.GetProperty("afterDelete").GetInt32());
    }

    private static Task<JsonDocument> ReadWithPyvoAsync(string listUrl, string jobUrl) =>
        RunPythonAsync("pyvo_read.py", listUrl, jobUrl);

    private static async Task<JsonDocument> RunPythonAsync(string script, params string[] arguments)
    {
        var python = await ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Clients", script), .. arguments]);
        Assert.True(python.ExitCode == 0, $"{script} failed (is python3-pyvo installed? test.sh installs it): {python.Errors}");
        return JsonDocument.Parse(python.Output);
    }
}
