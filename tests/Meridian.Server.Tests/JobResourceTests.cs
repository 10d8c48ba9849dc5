// SPDX-License-Identifier: MIT
using System.Net;
using Meridian.Protocol;

namespace Meridian.Server.Tests;

/// <summary>A job and its children: reading them, changing them while allowed, destroying the job (U32-U40, U76-U83).</summary>
public sealed class JobResourceTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Children_AnswerTheirAtomicValuesAsPlainText_WhenRead()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("EXECUTIONDURATION", "20"));
        var job = await _uws.GetXmlAsync(jobUrl);

        Assert.Equal("PENDING", await _uws.GetTextAsync(jobUrl + "/phase"));
        Assert.Equal("20", await _uws.GetTextAsync(jobUrl + "/executionduration"));
        Assert.Equal(UwsClient.Value(job, "destruction"), await _uws.GetTextAsync(jobUrl + "/destruction"));
        Assert.Equal("", await _uws.GetTextAsync(jobUrl + "/quote"));
        Assert.Equal("", await _uws.GetTextAsync(jobUrl + "/owner"));
        Assert.Equal("", await _uws.GetTextAsync(jobUrl + "/error"));
        Assert.True(UwsTime.TryParse(UwsClient.Value(job, "destruction"), out var destruction));
        Assert.True(UwsTime.TryParse(UwsClient.Value(job, "creationTime"), out var creation));
        Assert.Equal(TimeSpan.FromDays(1), destruction - creation);
        Assert.EndsWith("Z", UwsClient.Value(job, "creationTime"));
        Assert.Equal("true", job.Root!.Element(UwsClient.Uws + "ownerId")!.Attribute(System.Xml.Linq.XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))?.Value);
        await _uws.GetXmlAsync(jobUrl + "/parameters");
        await _uws.GetXmlAsync(jobUrl + "/results");
    }

    [Fact]
    public async Task Parameters_Change_WhilePendingOnly()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "before"));

        using (var update = await _uws.PostAsync(jobUrl + "/parameters", ("text", "after"), ("count", "2")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, update.StatusCode);
            Assert.Equal(jobUrl, update.Headers.Location!.ToString());
        }

        using (var viaJob = await _uws.PostAsync(jobUrl, ("loud", "true")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, viaJob.StatusCode);
        }

        var parameters = UwsClient.Parameters(await _uws.GetXmlAsync(jobUrl));
        Assert.Contains(("text", "after"), parameters);
        Assert.Contains(("count", "2"), parameters);
        Assert.Contains(("loud", "true"), parameters);

        using var run = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);
        using var late = await _uws.PostAsync(jobUrl + "/parameters", ("text", "too late"));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("only while it is PENDING", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExecutionDuration_IsClampedToTheServiceMaximum_AndZeroMeansTheMaximum()
    {
        var jobUrl = await _uws.CreateAsync("echo");

        using (var response = await _uws.PostAsync(jobUrl + "/executionduration", ("EXECUTIONDURATION", "5000")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal(jobUrl, response.Headers.Location!.ToString());
        }

        Assert.Equal("60", await _uws.GetTextAsync(jobUrl + "/executionduration"));
        using (await _uws.PostAsync(jobUrl + "/executionduration", ("EXECUTIONDURATION", "0")))
        {
            Assert.Equal("60", await _uws.GetTextAsync(jobUrl + "/executionduration"));
        }

        using var malformed = await _uws.PostAsync(jobUrl + "/executionduration", ("EXECUTIONDURATION", "-5"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        using var wrongChild = await _uws.PostAsync(jobUrl + "/executionduration", ("DESTRUCTION", "2030-01-01T00:00:00Z"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongChild.StatusCode);
    }

    [Fact]
    public async Task Destruction_IsSetInUtc_AndLimitedToTheServiceMaximum()
    {
        var jobUrl = await _uws.CreateAsync("echo");
        var created = DateTimeOffset.Parse(UwsClient.Value(await _uws.GetXmlAsync(jobUrl), "creationTime")!, System.Globalization.CultureInfo.InvariantCulture);

        using (var response = await _uws.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", created.AddHours(5).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }

        Assert.Equal(UwsTime.Format(created.AddHours(5)), await _uws.GetTextAsync(jobUrl + "/destruction"));
        using (await _uws.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", "2099-01-01T00:00:00Z")))
        {
            Assert.Equal(UwsTime.Format(created.AddDays(2)), await _uws.GetTextAsync(jobUrl + "/destruction"));
        }
    }

    [Fact]
    public async Task Run_IsRefusedWith403_WhenTheJobHasFinished()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);

        using var response = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("COMPLETED", await response.Content.ReadAsStringAsync());
        using var abort = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT"));
        Assert.Equal(HttpStatusCode.Forbidden, abort.StatusCode);
    }

    [Fact]
    public async Task Abort_MovesAPendingJobToAborted()
    {
        var jobUrl = await _uws.CreateAsync("echo");

        using var response = await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("ABORTED", await _uws.PhaseAsync(jobUrl));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Delete_DestroysTheJobAndItsFiles_AndAnswersSeeOtherToTheList(bool viaHttpDelete)
    {
        var jobUrl = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);
        var id = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        Assert.True(Directory.Exists(app.JobFolder(id)));

        using var response = viaHttpDelete ? await app.Client.DeleteAsync(jobUrl) : await _uws.PostAsync(jobUrl, ("ACTION", "DELETE"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(app.BaseAddress + "uws/echo", response.Headers.Location!.ToString());
        using var gone = await app.Client.GetAsync(jobUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.False(Directory.Exists(app.JobFolder(id)), "destroying a job deletes its folder");
    }

    [Theory]
    [InlineData("/uws/echo/AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/uws/echo/not-a-job")]
    [InlineData("/uws/echo/AAAAAAAAAAAAAAAAAAAAAA/phase")]
    [InlineData("/uws/echo/AAAAAAAAAAAAAAAAAAAAAA/results/stdout")]
    [InlineData("/uws/nope/AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task UnknownJobs_Answer404(string path)
    {
        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("phase")]
    [InlineData("results")]
    [InlineData("parameters")]
    [InlineData("quote")]
    public async Task Children_CannotBeDeleted(string child)
    {
        var jobUrl = await _uws.CreateAsync("echo");

        using var response = await app.Client.DeleteAsync($"{jobUrl}/{child}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("PENDING", await _uws.PhaseAsync(jobUrl));
    }

    [Fact]
    public async Task Job_IsServedAsJson_WhenTheClientAsksForIt()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("RUNID", "r1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, jobUrl);
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await app.Client.SendAsync(request);

        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("PENDING", json.RootElement.GetProperty("phase").GetString());
        Assert.Equal("r1", json.RootElement.GetProperty("runId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("ownerId").ValueKind);
    }
}
