// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Meridian.Server.Tests.Sync;

/// <summary>/sync/{service}: the main result at once, the async job's validation and errors, a 303 to the job when it runs too long.</summary>
public sealed class SyncTests : IClassFixture<MeridianApplication>
{
    private readonly MeridianApplication _app;
    private readonly UwsClient _uws;

    public SyncTests(MeridianApplication app)
    {
        _app = app;
        _uws = new UwsClient(app.Client);
    }

    [Fact]
    public async Task Get_AnswersTheFirstDeclaredResult_AndNamesTheJob()
    {
        using var response = await _app.Client.GetAsync("/sync/echo?text=sync%20hello&items=3");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["sync hello", "3", "x=3"], body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var jobUrl = Link(response);
        Assert.Equal($"{jobUrl}/results/args", response.Content.Headers.ContentLocation?.ToString());
        var job = await _uws.GetXmlAsync(jobUrl);
        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.Contains(("text", "sync hello"), UwsClient.Parameters(job));
    }

    [Fact]
    public async Task Post_WithAnUpload_AnswersTheResult()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("a\nb\nc\n")), "data", "three.txt" },
        };
        using var response = await _app.Client.PostAsync("/sync/upload", form);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("3", body.Trim());
    }

    [Theory]
    [InlineData("/sync/echo?count=11", HttpStatusCode.BadRequest, "count: 11 is above the maximum 10")]
    [InlineData("/sync/echo?PHASE=ABORT", HttpStatusCode.BadRequest, "PHASE and ACTION are not taken here")]
    [InlineData("/sync/upload", HttpStatusCode.BadRequest, "data")]
    [InlineData("/sync/nothing", HttpStatusCode.NotFound, "No service is named 'nothing'")]
    public async Task BadRequests_AreRefusedAsForAsyncJobs(string url, HttpStatusCode status, string reason)
    {
        using var response = await _app.Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailingJob_Answers422_WithItsErrorSummary()
    {
        using var response = await _app.Client.GetAsync("/sync/fail?code=5");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The job ERROR", body);
        Assert.Contains("input file is corrupt", body);
        Assert.Equal("ERROR", await _uws.PhaseAsync(Link(response)));
    }

    [Fact]
    public async Task JobLongerThanTheWaitCap_Answers303ToTheJob_WhichGoesOn()
    {
        // The test server's MaxWaitSeconds is 3; this job sleeps far longer.
        using var response = await _app.Client.GetAsync("/sync/sleep?seconds=120");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var jobUrl = response.Headers.Location!.ToString();
        Assert.Equal(Link(response), jobUrl);
        Assert.Contains("still running after 3 s", body);
        Assert.Equal("EXECUTING", await _uws.PhaseAsync(jobUrl));
        using var abort = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT"));
        Assert.Equal(HttpStatusCode.SeeOther, abort.StatusCode);
    }

    private static string Link(HttpResponseMessage response)
    {
        var link = response.Headers.GetValues("Link").Single();
        Assert.EndsWith(">; rel=\"related\"", link);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
