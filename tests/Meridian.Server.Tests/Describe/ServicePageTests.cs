// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests.Describe;

/// <summary>The human page of a service whose definition holds markup: everything shown, nothing interpreted.</summary>
public sealed class ServicePageTests : IDisposable
{
    private readonly string _services = Directory.CreateTempSubdirectory("meridian-page-").FullName;
    private readonly MeridianApplication _app;

    public ServicePageTests()
    {
        File.WriteAllText(Path.Combine(_services, "markup.yaml"), """
            name: markup
            title: "Fits <b>bold</b> & co"
            description: "<script>alert(1)</script> reads a table"
            command: [/bin/true, "{label}"]
            parameters:
              label: {type: string, pattern: "[a-z<>]+", default: "a<b", description: "a label such as <img src=x>"}
              level: {type: integer, min: 1, max: 9, default: 3, unit: "m/s"}
            results:
              - {name: out, path: out.txt, type: text/plain, description: "the <out> file"}
            """);
        _app = new MeridianApplication(null, _services);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_services, recursive: true);
    }

    [Fact]
    public async Task Page_ShowsTheDefinition_HtmlEncoded()
    {
        using var response = await _app.Client.GetAsync("/describe/markup");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<b>", page);
        Assert.DoesNotContain("<img", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; reads a table", page);
        Assert.Contains("<title>Fits &lt;b&gt;bold&lt;/b&gt; &amp; co</title>", page);
        Assert.Contains("<td>level</td><td>integer</td><td>no</td><td>3</td><td>unit m/s; min 1; max 9</td>", page);
        Assert.Contains("a&lt;b", page);
        Assert.Contains("the &lt;out&gt; file", page);
        Assert.Contains("/describe/markup/openapi.json", page);
    }
}
