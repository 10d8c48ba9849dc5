// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests.Proxy;

/// <summary>AllowedHosts, as the README's proxy section sets it: a Host header of another name is refused, so it never reaches an href.</summary>
public sealed class AllowedHostsTests : IDisposable
{
    private readonly MeridianApplication _app = new(new Dictionary<string, string> { ["AllowedHosts"] = "127.0.0.1;localhost" }, null);

    [Fact]
    public async Task AForgedHost_IsRefused_AndTheConfiguredOnesServe()
    {
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/uws");
        forged.Headers.Host = "evil.example.org";
        using var refused = await _app.Client.SendAsync(forged);
        using var served = await _app.Client.GetAsync("/uws");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("evil.example.org", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
