// SPDX-License-Identifier: MIT
using System.Net.Http.Headers;

namespace Meridian.Server.Tests;

/// <summary>
/// A job's files (results, uploads, a sync answer) are private and may hold script: they are never cached,
/// never sniffed and, opened in a browser, sandboxed away from the server's origin.
/// </summary>
public sealed class DownloadHeaderTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task ResultsAndUploads_AreServedPrivateUncachedAndSandboxed()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
        form.Add(file, "data", "drawing.svg");
        form.Add(new StringContent("RUN"), "PHASE");
        using var created = await app.Client.PostAsync("/uws/upload", form);
        var jobUrl = created.Headers.Location!.ToString();
        var job = await _uws.WaitForEndAsync(jobUrl);

        using var result = await app.Client.GetAsync(UwsClient.ResultLinks(job)["count"]);
        using var upload = await app.Client.GetAsync($"{jobUrl}/parameters/data");
        using var sync = await app.Client.GetAsync("/sync/echo?text=hello");

        foreach (var (what, response) in new[] { ("result", result), ("upload", upload), ("sync answer", sync) })
        {
            Assert.True(response.IsSuccessStatusCode, $"{what}: {response.StatusCode}");
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"{what}: Cache-Control is {response.Headers.CacheControl}");
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policy) && policy.Single().StartsWith("sandbox;", StringComparison.Ordinal),
                $"{what}: an HTML or SVG file opened directly must not run script on the server's origin");
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        Assert.Equal("image/svg+xml", upload.Content.Headers.ContentType?.MediaType);
    }
}
