// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;

namespace Meridian.Browser.Tests;

/// <summary>The JSON reads the pages rely on, and the headers that keep the pages to this server.</summary>
public sealed class BrowserApiTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task ServiceDescription_CarriesTheRulesAndRelationshipsOfEachParameter()
    {
        using var description = JsonDocument.Parse(await server.Http.GetStringAsync("/api/services/countdown"));

        var failAt = description.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "fail_at");
        Assert.Equal("integer", failAt.GetProperty("type").GetString());
        Assert.Equal(3600, failAt.GetProperty("max").GetDouble());
        Assert.Equal("seconds", failAt.GetProperty("lessThan").GetString());
        using var visibility = JsonDocument.Parse(await server.Http.GetStringAsync("/api/services/ud-visibility"));
        var u = visibility.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "u");
        Assert.Equal("limb-darkened", u.GetProperty("when").GetProperty("model")[0].GetString());
        using var hello = JsonDocument.Parse(await server.Http.GetStringAsync("/api/services/hello"));
        Assert.Equal("^[A-Za-z][A-Za-z .-]*$", hello.RootElement.GetProperty("parameters")[0].GetProperty("pattern").GetString());
    }

    [Theory]
    [InlineData("/api/services/nope", HttpStatusCode.NotFound)]
    [InlineData("/api/jobs?phase=DONE", HttpStatusCode.BadRequest)]
    [InlineData("/api/jobs?last=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/jobs?before=yesterday&beforeId=x", HttpStatusCode.BadRequest)]
    [InlineData("/api/jobs?service=nope", HttpStatusCode.NotFound)]
    public async Task BrowserReads_AnswerAReason_WhenTheRequestIsWrong(string path, HttpStatusCode expected)
    {
        using var response = await server.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()), "a refusal says why");
    }

    [Fact]
    public async Task Pages_AreServedWithAPolicyThatAllowsNothingButThisServer()
    {
        using var response = await server.Http.GetAsync("/web/job.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var missing = await server.Http.GetAsync("/web/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
