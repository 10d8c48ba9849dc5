// SPDX-License-Identifier: MIT
using Meridian.Protocol;
using Meridian.Server.Http;

namespace Meridian.Server.Api;

/// <summary>
/// A UWS container (job, results, parameters; a job list is a <see cref="JobListDocument"/>) written as XML, or as JSON when the client
/// prefers application/json. XML is the default and wins ties (U56).
/// </summary>
public sealed class UwsDocument(Action<Stream> writeXml, Action<Stream> writeJson) : IResult
{
    public static UwsDocument Job(JobSummary job) =>
        new(s => UwsXmlWriter.WriteJob(s, job), s => UwsJsonWriter.WriteJob(s, job));

    public static UwsDocument Results(IReadOnlyList<ResultReference> results) =>
        new(s => UwsXmlWriter.WriteResults(s, results), s => UwsJsonWriter.WriteResults(s, results));

    public static UwsDocument Parameters(IReadOnlyList<ParameterValue> parameters) =>
        new(s => UwsXmlWriter.WriteParameters(s, parameters), s => UwsJsonWriter.WriteParameters(s, parameters));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var json = PrefersJson(httpContext.Request);
        using var buffer = new MemoryStream();
        (json ? writeJson : writeXml)(buffer);
        var response = httpContext.Response;
        response.ContentType = json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
        response.Headers.Vary = "Accept";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, httpContext.RequestAborted);
    }

    public static bool PrefersJson(HttpRequest request) =>
        AcceptHeader.Quality(request, media => AcceptHeader.Is(media, "application/json"))
        > AcceptHeader.Quality(request, media => (media.MediaType.Value ?? "").EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || AcceptHeader.Is(media, "*/*") || AcceptHeader.Is(media, "text/plain"));
}
