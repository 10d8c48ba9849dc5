// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests.Http;

/// <summary>Strong ETags on a job's files, and conditional requests (If-None-Match: a tag, a list, *) answered 304.</summary>
public sealed class EntityTagTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Results_AndUploads_CarryStrongETags_AndAnswerIfNoneMatchWith304()
    {
        var job = await _uws.CreateAsync("echo", ("text", "tagged"), ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(job);
        var upload = await UploadJobAsync("first content\n");

        foreach (var file in new[] { job + "/results/args", upload + "/parameters/data" })
        {
            using var first = await app.Client.GetAsync(file);
            var tag = first.Headers.ETag;
            Assert.True(tag is { IsWeak: false }, $"{file} has no strong ETag");
            Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(file, tag!.Tag)).StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(file, $"\"other\", {tag.Tag}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, (await ConditionalAsync(file, "*")).StatusCode);
            using var changed = await ConditionalAsync(file, "\"not-this-one\"");
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await changed.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task AnUploadReplacedWhilePending_GetsANewETag()
    {
        var job = await UploadJobAsync("one\n");
        var before = (await app.Client.GetAsync(job + "/parameters/data")).Headers.ETag!.Tag;

        using var form = new MultipartFormDataContent { { new ByteArrayContent("two, longer\n"u8.ToArray()), "data", "b.txt" } };
        using (var replaced = await app.Client.PostAsync(job + "/parameters", form))
        {
            Assert.Equal(HttpStatusCode.SeeOther, replaced.StatusCode);
        }

        using var after = await ConditionalAsync(job + "/parameters/data", before);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("two, longer\n", await after.Content.ReadAsStringAsync());
        Assert.NotEqual(before, after.Headers.ETag!.Tag);
    }

    private async Task<string> UploadJobAsync(string content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "data", "a.txt" } };
        using var created = await app.Client.PostAsync("/uws/upload", form);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        return created.Headers.Location!.ToString();
    }

    private async Task<HttpResponseMessage> ConditionalAsync(string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await app.Client.SendAsync(request);
    }
}
