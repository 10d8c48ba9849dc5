// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;

namespace Meridian.Server.Tests;

/// <summary>GET /uws names every service with its job list; the root leads there.</summary>
public sealed class ServiceIndexTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    [Fact]
    public async Task Index_ListsEveryServiceWithItsJobListUrl()
    {
        using var response = await app.Client.GetAsync("/uws");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var echo = services.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "echo");
        Assert.Equal("Echo the arguments", echo.GetProperty("title").GetString());
        Assert.Equal(new Uri(app.BaseAddress, "uws/echo").ToString(), echo.GetProperty("jobs").GetString());
        Assert.Equal(Directory.GetFiles(MeridianApplication.TestServicesDirectory, "*.yaml").Length, services.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Root_RedirectsToTheIndex()
    {
        using var response = await app.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/uws", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Root_RedirectsToTheBrowserClient_WhenTheClientAsksForHtml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/web/", response.Headers.Location?.ToString());
    }
}
