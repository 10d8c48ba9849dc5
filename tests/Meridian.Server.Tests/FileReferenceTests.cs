// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Server.Tests;

/// <summary>
/// A file parameter given as the URL of an upload or a result of one of the caller's jobs: copied into the new job
/// under its original name; anything else (another address, a path, a missing file) refused with the reason.
/// </summary>
public sealed class FileReferenceTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    private async Task<string> RunUploadAsync(string content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "data", fileName);
        form.Add(new StringContent("RUN"), "PHASE");
        using var response = await app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var jobUrl = response.Headers.Location!.ToString();
        Assert.Equal("COMPLETED", UwsClient.Phase(await _uws.WaitForEndAsync(jobUrl)));
        return jobUrl;
    }

    private static string IdOf(string jobUrl) => jobUrl[(jobUrl.LastIndexOf('/') + 1)..];

    [Fact]
    public async Task Create_CopiesTheOtherJobsUpload_KeepingItsFileName_WhenTheUploadsUrlIsGiven()
    {
        var source = await RunUploadAsync("name,mag\nVega,0.03\nSirius,-1.46\n", "stars.csv");

        var copy = await _uws.CreateAsync("upload", ("data", source + "/parameters/data"), ("PHASE", "RUN"));
        var job = await _uws.WaitForEndAsync(copy);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.Equal("3\n", await _uws.GetTextAsync(UwsClient.ResultLinks(job)["count"]));
        using var upload = await app.Client.GetAsync(copy + "/parameters/data");
        Assert.Equal("name,mag\nVega,0.03\nSirius,-1.46\n", await upload.Content.ReadAsStringAsync());
        Assert.Equal("stars.csv", upload.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("text/csv", upload.Content.Headers.ContentType?.MediaType);
        Assert.True(File.Exists(Path.Combine(app.JobFolder(IdOf(copy)), "inputs", "data.csv")), "the copy lives in the new job's own folder");
    }

    [Fact]
    public async Task Create_UsesTheOtherJobsResultAsTheFile_WhenTheResultsUrlIsGiven()
    {
        var source = await RunUploadAsync("a\nb\nc\nd\n", "four.txt");
        Assert.Equal("4\n", await _uws.GetTextAsync(source + "/results/count"));

        var fromResult = await _uws.CreateAsync("upload", ("data", source + "/results/count"), ("PHASE", "RUN"));
        // A glob result's id keeps its folder: copies/a.dat.
        var fromGlob = await _uws.CreateAsync("upload", ("data", source + "/results/copies/a.dat"), ("PHASE", "RUN"));

        Assert.Equal("1\n", await _uws.GetTextAsync(UwsClient.ResultLinks(await _uws.WaitForEndAsync(fromResult))["count"]));
        Assert.Equal("4\n", await _uws.GetTextAsync(UwsClient.ResultLinks(await _uws.WaitForEndAsync(fromGlob))["count"]));
    }

    [Fact]
    public async Task UpdateParameters_ReplacesAPendingJobsFile_WithAReferencedResult()
    {
        var source = await RunUploadAsync("x\ny\n", "two.txt");
        var first = await RunUploadAsync("1\n", "one.txt");
        var pending = await _uws.CreateAsync("upload", ("data", first + "/parameters/data"));
        Assert.Equal("PENDING", await _uws.PhaseAsync(pending));

        using var updated = await _uws.PostAsync(pending + "/parameters", ("data", source + "/parameters/data"));
        Assert.Equal(HttpStatusCode.SeeOther, updated.StatusCode);

        Assert.Equal("x\ny\n", await _uws.GetTextAsync(pending + "/parameters/data"));
    }

    [Theory]
    [InlineData("/results/nothing", "has no result 'nothing' (it has: ")]
    [InlineData("/parameters/label", "has no parameter 'label'")]
    [InlineData("/results/escape", "has no result 'escape'")]
    public async Task Create_Answers400WithTheReason_WhenTheReferencedFileDoesNotExist(string suffix, string reason)
    {
        var source = await RunUploadAsync("a\n", "a.txt");

        using var response = await _uws.PostAsync("/uws/upload", ("data", source + suffix));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("data: job '", body, StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/results/../../../../../../etc/passwd")]
    [InlineData("/results/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/results/copies%2f..%2f..%2finputs%2fdata.txt")]
    [InlineData("/parameters/..%2f..%2fwork%2fcount.txt")]
    [InlineData("/../../etc/passwd")]
    public async Task Create_RefusesAPathInTheReference_AndCreatesNothing(string suffix)
    {
        var source = await RunUploadAsync("a\n", "a.txt");
        var before = Directory.GetDirectories(Path.Combine(app.DataDirectory, "jobs")).Length;

        using var response = await _uws.PostAsync("/uws/upload", ("data", source + suffix));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("data: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetDirectories(Path.Combine(app.DataDirectory, "jobs")).Length);
    }

    [Theory]
    [InlineData("http://example.org/uws/upload/0123456789abcdef/parameters/data", "is not this server")]
    [InlineData("file:///etc/passwd", "is not a URL")]
    [InlineData("stars.csv", "is not a URL")]
    public async Task Create_FetchesNothingFromElsewhere_WhenTheReferenceIsAnotherAddress(string reference, string reason)
    {
        using var response = await _uws.PostAsync("/uws/upload", ("data", reference));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Answers400_WhenTheReferencedJobDoesNotExist()
    {
        using var response = await _uws.PostAsync("/uws/upload", ("data", new Uri(app.BaseAddress, "uws/upload/AAAAAAAAAAAAAAAAAAAAAA/parameters/data").ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no job 'AAAAAAAAAAAAAAAAAAAAAA' in upload", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SaysTheExecutionDurationWasCut_InTheAnswersHeader()
    {
        using var response = await _uws.PostAsync("/uws/echo", ("EXECUTIONDURATION", "5000"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("EXECUTIONDURATION 5000 s was cut to 60 s, the longest echo allows", Assert.Single(response.Headers.GetValues("Meridian-Adjusted")));
        Assert.Equal("60", await _uws.GetTextAsync(response.Headers.Location + "/executionduration"));
        using var kept = await _uws.PostAsync("/uws/echo", ("EXECUTIONDURATION", "50"));
        Assert.False(kept.Headers.Contains("Meridian-Adjusted"), "a value within the limit is not reported");
    }
}
