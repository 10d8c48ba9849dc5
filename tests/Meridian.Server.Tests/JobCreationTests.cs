// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Server.Tests;

/// <summary>POST /uws/{service}: creation, PHASE=RUN, validation, uploads (U72-U75).</summary>
public sealed class JobCreationTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Create_AnswersSeeOtherToAPendingJob_WhenNoPhaseIsGiven()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "hi"));

        var job = await _uws.GetXmlAsync(jobUrl);
        Assert.Equal("PENDING", UwsClient.Phase(job));
        Assert.StartsWith(app.BaseAddress + "uws/echo/", jobUrl);
        var id = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        Assert.Equal(id, UwsClient.Value(job, "jobId"));
        Assert.Equal(22, id.Length);
    }

    [Fact]
    public async Task Create_QueuesTheJobAtOnce_WhenPhaseRunIsGiven()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("text", "hi"), ("PHASE", "RUN"), ("RUNID", "my run 42"));

        var job = await _uws.WaitForEndAsync(jobUrl);
        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.Equal("my run 42", UwsClient.Value(job, "runId"));
    }

    [Fact]
    public async Task Create_AppliesDefaultsAndCanonicalValues_WhenParametersAreOmittedOrSpelledLoosely()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("COUNT", " 7 "), ("loud", "on"), ("items", "3, 4.50 5e1"));

        var parameters = UwsClient.Parameters(await _uws.GetXmlAsync(jobUrl));
        Assert.Contains(("text", "hello"), parameters);
        Assert.Contains(("count", "7"), parameters);
        Assert.Contains(("loud", "true"), parameters);
        Assert.Equal(["3", "4.5", "50"], parameters.Where(p => p.Id == "items").Select(p => p.Value));
    }

    [Theory]
    [InlineData("count", "11", "count: 11 is above the maximum 10")]
    [InlineData("count", "ten", "count: 'ten' is not an integer")]
    [InlineData("items", "1,x", "items: 'x' is not a real number")]
    [InlineData("loud", "maybe", "loud: 'maybe' is not a boolean")]
    [InlineData("colour", "red", "colour: unknown parameter")]
    [InlineData("PHASE", "GO", "PHASE: 'GO' is not RUN or ABORT")]
    [InlineData("EXECUTIONDURATION", "soon", "EXECUTIONDURATION: 'soon' is not a whole number")]
    [InlineData("DESTRUCTION", "tomorrow", "DESTRUCTION: 'tomorrow' is not an ISO 8601 instant")]
    public async Task Create_Answers400WithTheReason_WhenAValueIsInvalid(string name, string value, string reason)
    {
        using var response = await _uws.PostAsync("/uws/echo", (name, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body);
        Assert.Single(body.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Create_Answers404NamingTheServices_WhenTheServiceIsUnknown()
    {
        using var response = await _uws.PostAsync("/uws/nope", ("x", "1"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("echo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Create_Answers415_WhenTheBodyIsNotAForm()
    {
        using var response = await app.Client.PostAsync("/uws/echo", new StringContent("{\"text\":\"hi\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Create_StoresTheUploadAndServesItByReference_WhenAFileIsPosted()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("a\nb\nc\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "data", "../../etc/evil name.csv");
        form.Add(new StringContent("run"), "label");
        form.Add(new StringContent("RUN"), "PHASE");

        using var response = await app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var jobUrl = response.Headers.Location!.ToString();
        var job = await _uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var data = job.Root!.Element(UwsClient.Uws + "parameters")!.Elements().Single(p => p.Attribute("id")!.Value == "data");
        Assert.Equal("true", data.Attribute("byReference")?.Value);
        Assert.Equal(jobUrl + "/parameters/data", data.Value);
        Assert.Equal("a\nb\nc\n", await _uws.GetTextAsync(data.Value));
        Assert.Equal("3\n", await _uws.GetTextAsync(UwsClient.ResultLinks(job)["count"]));
        var id = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        Assert.True(File.Exists(Path.Combine(app.JobFolder(id), "inputs", "data.csv")), "the upload is stored under the parameter's name, inside the job's folder");
    }

    [Fact]
    public async Task Create_Answers400AndCreatesNothing_WhenAnUploadIsOverItsLimit()
    {
        var before = Directory.Exists(Path.Combine(app.DataDirectory, "jobs")) ? Directory.GetDirectories(Path.Combine(app.DataDirectory, "jobs")).Length : 0;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[100_000]), "data", "big.bin" } };

        using var response = await app.Client.PostAsync("/uws/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 64000 are accepted", await response.Content.ReadAsStringAsync());
        var after = Directory.Exists(Path.Combine(app.DataDirectory, "jobs")) ? Directory.GetDirectories(Path.Combine(app.DataDirectory, "jobs")).Length : 0;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Create_Answers400_WhenARequiredFileIsMissing()
    {
        using var response = await _uws.PostAsync("/uws/upload", ("label", "x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("data: a file is required", await response.Content.ReadAsStringAsync());
    }
}
