// SPDX-License-Identifier: MIT
using System.Net;
using System.Xml.Linq;
using Meridian.Compliance;

namespace Meridian.Server.Tests.Http;

/// <summary>
/// {job}/error as plain text by default, as a DALI error VOTable when the service says `error_format: votable`
/// (STILTS sends no Accept) or when the client asks for a VOTable; plain text on request either way.
/// </summary>
public sealed class ErrorDocumentTests : IDisposable
{
    private static readonly XNamespace VoTable = "http://www.ivoa.net/xml/VOTable/v1.3";
    private readonly MeridianApplication _app = new(null, Path.Combine(AppContext.BaseDirectory, "ClientServices"));
    private readonly MeridianApplication _plain = new();

    [Fact]
    public async Task AVotableService_AnswersItsErrorAsAValidDaliErrorDocument_WithTheSummaryAndStderr()
    {
        var job = await new UwsClient(_app.Client).CreateAsync("broken-table", ("code", "7"), ("PHASE", "RUN"));
        await new UwsClient(_app.Client).WaitForEndAsync(job);

        using var response = await _app.Client.GetAsync(job + "/error");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-votable+xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(SchemaFiles.ValidateVotable(document));
        var status = document.Descendants(VoTable + "INFO").Single(i => (string?)i.Attribute("name") == "QUERY_STATUS");
        Assert.Equal("ERROR", (string?)status.Attribute("value"));
        Assert.Contains("exited with code 7", status.Value, StringComparison.Ordinal);
        Assert.Contains("column <RA> & <DEC> missing in input", status.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVotableService_StillAnswersPlainText_ToAClientAskingForIt()
    {
        var job = await FinishedJobAsync(_app, "broken-table");

        using var response = await GetAsync(_app, job + "/error", "text/plain");

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("The program exited with code 4.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainService_AnswersText_AndAVotable_ToAClientAskingForOne()
    {
        var job = await FinishedJobAsync(_plain, "fail");

        using var text = await _plain.Client.GetAsync(job + "/error");
        using var votable = await GetAsync(_plain, job + "/error", "application/x-votable+xml");

        Assert.Equal("text/plain", text.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/x-votable+xml", votable.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await votable.Content.ReadAsStringAsync());
        Assert.Empty(SchemaFiles.ValidateVotable(document));
        Assert.Contains("input file is corrupt", document.Descendants(VoTable + "INFO").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobWithoutError_IsQueryStatusOk()
    {
        var job = await FinishedJobAsync(_plain, "echo");

        using var response = await GetAsync(_plain, job + "/error", "text/xml;content=x-votable");

        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(SchemaFiles.ValidateVotable(document));
        Assert.Equal("OK", (string?)document.Descendants(VoTable + "INFO").Single().Attribute("value"));
    }

    private static async Task<string> FinishedJobAsync(MeridianApplication app, string service)
    {
        var job = await new UwsClient(app.Client).CreateAsync(service, ("PHASE", "RUN"));
        await new UwsClient(app.Client).WaitForEndAsync(job);
        return job;
    }

    private static async Task<HttpResponseMessage> GetAsync(MeridianApplication app, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        return await app.Client.SendAsync(request);
    }

    public void Dispose()
    {
        _app.Dispose();
        _plain.Dispose();
    }
}
