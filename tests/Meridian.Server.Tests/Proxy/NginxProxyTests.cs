// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Meridian.Server.Tests.Proxy;

/// <summary>
/// Meridian behind a real nginx with TLS and a path prefix: every URL a client sees is https://host/meridian/…,
/// pyvo drives a whole job through it, and the server trusts nginx's forwarded headers and nobody else's.
/// </summary>
public sealed class NginxProxyTests : IDisposable
{
    private readonly MeridianApplication _app = new(new Dictionary<string, string>
    {
        ["Meridian:PathBase"] = NginxProxy.Prefix,
        ["Meridian:TrustedProxies:0"] = NginxProxy.ProxyAddress.ToString(),
    }, null);

    private readonly NginxProxy _nginx;

    public NginxProxyTests() => _nginx = new NginxProxy(_app.BaseAddress);

    private string Public => _nginx.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task ThroughNginx_EveryUrlIsHttpsUnderThePrefix()
    {
        using var http = _nginx.CreateClient();
        var uws = new UwsClient(http);
        using var created = await uws.PostAsync("uws/echo", ("text", "through nginx"), ("PHASE", "RUN"));
        Assert.True(created.StatusCode == HttpStatusCode.SeeOther, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{_nginx.ErrorLog}");
        var job = created.Headers.Location!.ToString();
        Assert.StartsWith(Public + "/uws/echo/", job, StringComparison.Ordinal);

        var document = await uws.WaitForEndAsync(job);
        Assert.Equal("COMPLETED", UwsClient.Phase(document));
        var hrefs = document.Descendants().Attributes(UwsClient.Xlink + "href").Select(a => a.Value).ToList();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith(Public + "/", href, StringComparison.Ordinal));
        Assert.StartsWith("through nginx", await http.GetStringAsync(UwsClient.ResultLinks(document)["args"]), StringComparison.Ordinal);

        var capabilities = XDocument.Parse(await http.GetStringAsync("capabilities"));
        Assert.All(capabilities.Descendants("accessURL"), url => Assert.StartsWith(Public + "/", url.Value, StringComparison.Ordinal));
        var openApi = JsonDocument.Parse(await http.GetStringAsync("openapi.json")).RootElement;
        Assert.Equal(Public, openApi.GetProperty("servers")[0].GetProperty("url").GetString());
        using var provenance = await http.GetAsync(job + "/provenance");
        Assert.Contains(Public + "/uws/echo/", await provenance.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pyvo_RunsAWholeJob_ThroughNginx()
    {
        var pyvo = await ClientProgramFor("pyvo_lifecycle.py", Public + "/uws/echo");

        Assert.True(pyvo.ExitCode == 0, $"{pyvo.Output}\n{pyvo.Errors}\n{_nginx.ErrorLog}");
        var report = JsonDocument.Parse(pyvo.Output).RootElement;
        Assert.Equal("COMPLETED", report.GetProperty("finished").GetString());
        Assert.StartsWith("via pyvo\n", report.GetProperty("args").GetString(), StringComparison.Ordinal);
        Assert.All(report.GetProperty("results").EnumerateObject(), r => Assert.StartsWith(Public + "/uws/echo/", r.Value.GetString(), StringComparison.Ordinal));
        Assert.Equal(404, report.GetProperty("afterDelete").GetInt32());
    }

    [Fact]
    public async Task WaitBlocks_ThroughNginx_AndReturnsAtTheChange()
    {
        using var http = _nginx.CreateClient();
        var uws = new UwsClient(http);
        using var created = await uws.PostAsync("uws/sleep", ("seconds", "1"), ("PHASE", "RUN"));
        var job = created.Headers.Location!.ToString();

        var document = await uws.WaitForEndAsync(job, 30);

        Assert.Equal("COMPLETED", UwsClient.Phase(document));
    }

    private Task<ClientProgram> ClientProgramFor(string script, string url) =>
        ClientProgram.RunAsync("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Clients", script), url],
            new Dictionary<string, string> { ["REQUESTS_CA_BUNDLE"] = _nginx.CertificateFile });

    public void Dispose()
    {
        _nginx.Dispose();
        _app.Dispose();
    }
}
