// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests.Http;

/// <summary>HEAD on every GET resource (RFC 9110 §9.3.2): the GET's status and headers, no body.</summary>
public sealed class HeadRequestTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Head_AnswersAsGetWould_WithoutABody_OnEveryKindOfResource()
    {
        var job = await _uws.CreateAsync("echo", ("text", "head"), ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(job);
        string[] resources =
        [
            "/uws", "/uws/echo", job, job + "/phase", job + "/parameters", job + "/results", job + "/results/args",
            job + "/parameters/text", job + "/error", job + "/owner", "/capabilities", "/availability", "/web/", "/web/style.css",
            "/uws/echo/nosuchjob", "/uws/nosuchservice",
        ];

        foreach (var resource in resources)
        {
            using var get = await app.Client.GetAsync(resource);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, resource));
            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {resource}: {(int)head.StatusCode}, GET: {(int)get.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
            if (head.Content.Headers.ContentLength is { } length)
            {
                Assert.True(length == body.Length, $"HEAD {resource} announces {length} bytes, GET sends {body.Length}");
            }
        }
    }

    [Fact]
    public async Task Head_OnAResult_CarriesItsLengthAndValidator()
    {
        var job = await _uws.CreateAsync("echo", ("text", "validators"), ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(job);

        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, job + "/results/args"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal("bytes", head.Headers.AcceptRanges.Single());
    }
}
