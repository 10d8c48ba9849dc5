// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Server.Tests;

/// <summary>What happens to a job's process: literal arguments, failures, time limits, aborts and result files.</summary>
public sealed class ExecutionTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Arguments_ReachTheProgramLiterally_WhateverCharactersTheyHold()
    {
        var marker = Path.Combine(app.DataDirectory, "pwned");
        var hostile = $"a b \"c\" 'd' ; rm -rf / ; $(touch {marker}) `touch {marker}` | & > x\nsecond line é 日本";
        var jobUrl = await _uws.CreateAsync("echo", ("text", hostile), ("count", "3"), ("loud", "true"), ("items", "1.5,2"), ("PHASE", "RUN"));

        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var args = await _uws.GetTextAsync(UwsClient.ResultLinks(job)["args"]);
        Assert.Equal($"{hostile}\n--count\n3\n--flag\n1.5\n2\nx=1.5,2\n", args);
        Assert.False(File.Exists(marker), "no shell ever interpreted the value");
    }

    [Fact]
    public async Task OptionalGroups_AreLeftOut_WhenTheirParametersHaveNoValue()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", ""), ("PHASE", "RUN"));

        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("\n1\n2\nx=1,2\n", await _uws.GetTextAsync(UwsClient.ResultLinks(job)["args"]));
    }

    [Fact]
    public async Task FailingProgram_EndsInErrorWithTheTailOfStderr_AndKeepsAllOfIt()
    {
        var jobUrl = await _uws.CreateAsync("fail", ("code", "7"), ("PHASE", "RUN"));

        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("ERROR", UwsClient.Phase(job));
        var summary = UwsClient.ErrorSummary(job)!;
        Assert.Equal("fatal", summary.Attribute("type")?.Value);
        Assert.Equal("true", summary.Attribute("hasDetail")?.Value);
        var message = summary.Element(UwsClient.Uws + "message")!.Value;
        Assert.Contains("exited with code 7", message);
        Assert.Contains("<script>alert(1)</script> input file is corrupt", message);
        Assert.DoesNotContain("noise line 1\n", message);
        var error = await _uws.GetTextAsync(jobUrl + "/error");
        Assert.Contains("noise line 1\n", error);
        Assert.Contains("input file is corrupt", error);
        var links = UwsClient.ResultLinks(job);
        Assert.Equal("reading input\n", await _uws.GetTextAsync(links["stdout"]));
        Assert.Contains("noise line 30", await _uws.GetTextAsync(links["stderr"]));
    }

    [Fact]
    public async Task MissingProgram_EndsInErrorSayingItCouldNotStart()
    {
        var jobUrl = await _uws.CreateAsync("missing", ("PHASE", "RUN"));

        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("ERROR", UwsClient.Phase(job));
        Assert.Contains("could not be started", UwsClient.ErrorSummary(job)!.Value);
    }

    [Fact]
    public async Task MissingProgram_ErrorSummaryShowsNoServerPath()
    {
        var jobUrl = await _uws.CreateAsync("missing", ("PHASE", "RUN"));

        var message = UwsClient.ErrorSummary(await _uws.WaitForEndAsync(jobUrl))!.Value;

        Assert.Contains("could not be started", message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.DataDirectory, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutionDuration_WhenExceeded_AbortsTheJobAndKillsItsProcessTree()
    {
        var jobUrl = await _uws.CreateAsync("sleep", ("seconds", "300"), ("EXECUTIONDURATION", "1"), ("PHASE", "RUN"));

        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("ABORTED", UwsClient.Phase(job));
        Assert.Contains("exceeded its execution duration of 1 s", UwsClient.ErrorSummary(job)!.Value);
        await AssertProcessesGoneAsync(jobUrl);
        Assert.Equal("started\n", await _uws.GetTextAsync(UwsClient.ResultLinks(job)["partial"]));
    }

    [Fact]
    public async Task Abort_OfAnExecutingJob_KillsItsProcessTreeAndKeepsWhatItProduced()
    {
        var jobUrl = await _uws.CreateAsync("sleep", ("seconds", "300"), ("PHASE", "RUN"));
        await _uws.GetXmlAsync($"{jobUrl}?WAIT=3&PHASE=QUEUED");
        await JobFiles.WaitForFileAsync(PidsFile(jobUrl));

        using var response = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var job = await _uws.GetXmlAsync(jobUrl);
        Assert.Equal("ABORTED", UwsClient.Phase(job));
        await AssertProcessesGoneAsync(jobUrl);
        Assert.True(UwsClient.ResultLinks(job).ContainsKey("partial"), "results produced before the abort are kept (U19)");
    }

    [Fact]
    public async Task Results_AreServedWithTheirMimeTypeAndRanges_AndNeverOutsideTheJob()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("0123456789\nabc\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "data", "input.txt");
        form.Add(new StringContent("RUN"), "PHASE");
        using var created = await app.Client.PostAsync("/uws/upload", form);
        var jobUrl = created.Headers.Location!.ToString();

        var job = await _uws.WaitForEndAsync(jobUrl);

        var links = UwsClient.ResultLinks(job);
        Assert.Equal(["copies/a.dat", "copies/b.dat", "count", "stderr", "stdout"], links.Keys.Order().ToArray());
        var result = job.Root!.Element(UwsClient.Uws + "results")!.Elements().Single(r => r.Attribute("id")!.Value == "count");
        Assert.Equal("text/plain", result.Attribute("mime-type")?.Value);
        Assert.Equal("2", result.Attribute("size")?.Value);
        using var request = new HttpRequestMessage(HttpMethod.Get, links["copies/a.dat"]);
        request.Headers.Range = new RangeHeaderValue(2, 5);
        using var partial = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("2345", await partial.Content.ReadAsStringAsync());
        Assert.Equal("application/octet-stream", partial.Content.Headers.ContentType?.MediaType);
        using var escape = await app.Client.GetAsync(jobUrl + "/results/escape");
        Assert.Equal(HttpStatusCode.NotFound, escape.StatusCode);
        using var traversal = await app.Client.GetAsync(jobUrl + "/results/..%2F..%2F..%2Fetc%2Fpasswd");
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    /// <summary>Both the job's shell and the sleep it started are gone (no orphan left running).</summary>
    private async Task AssertProcessesGoneAsync(string jobUrl) =>
        await JobFiles.AssertProcessesEndAsync(await File.ReadAllTextAsync(PidsFile(jobUrl)));

    private string PidsFile(string jobUrl) => Path.Combine(app.JobFolder(JobFiles.JobId(jobUrl)), "work", "pids.txt");
}
