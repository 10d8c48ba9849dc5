// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Meridian.Server.Tests.Proxy;

/// <summary>
/// Meridian:PathBase serves everything under a prefix and every URL the server writes carries it;
/// X-Forwarded-* headers are believed from Meridian:TrustedProxies only.
/// </summary>
public sealed class PathBaseTests : IDisposable
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private readonly MeridianApplication _app = new(new Dictionary<string, string>
    {
        ["Meridian:PathBase"] = "/meridian",
        ["Meridian:TrustedProxies:0"] = "127.0.0.2",
        ["Meridian:RateLimit:PermitsPerMinute"] = "40",
    }, null);

    private string Root => _app.BaseAddress.ToString().TrimEnd('/') + "/meridian";

    [Fact]
    public async Task EveryUrlTheServerWrites_IsUnderThePathBase()
    {
        var uws = new UwsClient(_app.Client);
        string job;
        using (var created = await uws.PostAsync("/meridian/uws/echo", ("text", "prefixed"), ("PHASE", "RUN")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
            job = created.Headers.Location!.ToString();
        }

        Assert.StartsWith(Root + "/uws/echo/", job, StringComparison.Ordinal);
        var document = await uws.WaitForEndAsync(job);
        Assert.All(UwsClient.ResultLinks(document).Values, href => Assert.StartsWith(job + "/results/", href, StringComparison.Ordinal));

        var services = JsonDocument.Parse(await _app.Client.GetStringAsync("/meridian/uws")).RootElement;
        Assert.All(services.EnumerateArray(), s => Assert.StartsWith(Root + "/uws/", s.GetProperty("jobs").GetString(), StringComparison.Ordinal));
        var capabilities = XDocument.Parse(await _app.Client.GetStringAsync("/meridian/capabilities"));
        Assert.All(capabilities.Descendants("accessURL"), url => Assert.StartsWith(Root + "/", url.Value, StringComparison.Ordinal));
        var openApi = JsonDocument.Parse(await _app.Client.GetStringAsync("/meridian/openapi.json")).RootElement;
        Assert.Equal(Root, openApi.GetProperty("servers")[0].GetProperty("url").GetString());
        var wadl = XDocument.Parse(await _app.Client.GetStringAsync("/meridian/describe/echo/wadl"));
        Assert.All(wadl.Descendants().Attributes("base"), b => Assert.StartsWith(Root + "/", b.Value, StringComparison.Ordinal));
        var provenance = await _app.Client.GetStringAsync(job + "/provenance");
        Assert.Contains(Root + "/uws/echo/", provenance, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.BaseAddress + "uws/", provenance, StringComparison.Ordinal);

        using (var deleted = await _app.Client.DeleteAsync(job))
        {
            Assert.Equal(Root + "/uws/echo", deleted.Headers.Location!.ToString());
        }

        using var pages = new HttpRequestMessage(HttpMethod.Get, "/meridian/");
        pages.Headers.Accept.ParseAdd("text/html");
        using var redirected = await _app.Client.SendAsync(pages);
        Assert.Equal("/meridian/web/", redirected.Headers.Location!.OriginalString);
        using var folder = await _app.Client.GetAsync("/meridian/web");
        Assert.Equal("/meridian/web/", folder.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ARequestOutsideThePathBase_Is404_SayingWhereTheServerIs()
    {
        using var response = await _app.Client.GetAsync("/uws/echo");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/meridian/uws/echo", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHeaders_FromATrustedProxy_MakeThePublicUrls()
    {
        using var proxy = ProxyClients.From(Proxy, _app.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/meridian/uws/echo") { Content = new FormUrlEncodedContent([new("text", "via proxy")]) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "data.example.org");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        using var created = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.StartsWith("https://data.example.org/meridian/uws/echo/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProxyThatStripsThePrefix_SaysSoWithXForwardedPrefix()
    {
        using var proxy = ProxyClients.From(Proxy, _app.BaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/uws");
        request.Headers.Add("X-Forwarded-Prefix", "/tools/meridian");

        using var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.All(services.EnumerateArray(), s => Assert.StartsWith(_app.BaseAddress + "tools/meridian/uws/", s.GetProperty("jobs").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedHeaders_SentStraightToTheServer_AreNotBelieved()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/meridian/uws/echo") { Content = new FormUrlEncodedContent([new("text", "forged")]) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example.org");
        request.Headers.Add("X-Forwarded-Prefix", "/elsewhere");

        using var created = await _app.Client.SendAsync(request);

        Assert.StartsWith(Root + "/uws/echo/", created.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRateLimiter_CountsTheRealClient_NotAForgedForwardedFor()
    {
        // Straight to the server: a different forged address on every request is still one client, limited.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 45; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meridian/availability");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await _app.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // Through the trusted proxy, each forwarded client has its own allowance, however busy the proxy is.
        using var proxy = ProxyClients.From(Proxy, _app.BaseAddress);
        for (var client = 0; client < 3; client++)
        {
            for (var i = 0; i < 20; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/meridian/availability");
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{client}");
                using var response = await proxy.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
    }

    public void Dispose() => _app.Dispose();
}
