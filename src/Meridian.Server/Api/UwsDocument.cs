// SPDX-License-Identifier: MIT
using Meridian.Protocol;
using Microsoft.Net.Http.Headers;

namespace Meridian.Server.Api;

/// <summary>
/// A UWS container (job, job list, results, parameters) written as XML, or as JSON when the client
/// prefers application/json. XML is the default and wins ties (U56).
/// </summary>
public sealed class UwsDocument(Action<Stream> writeXml, Action<Stream> writeJson) : IResult
{
    public static UwsDocument Job(JobSummary job) =>
        new(s => UwsXmlWriter.WriteJob(s, job), s => UwsJsonWriter.WriteJob(s, job));

    public static UwsDocument JobList(IReadOnlyList<JobReference> jobs) =>
        new(s => UwsXmlWriter.WriteJobList(s, jobs), s => UwsJsonWriter.WriteJobList(s, jobs));

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

    public static bool PrefersJson(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        double json = 0, xml = 0;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            var type = media.MediaType.Value ?? "";
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
            else if (type.EndsWith("/xml", StringComparison.OrdinalIgnoreCase) || type == "*/*" || type.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                xml = Math.Max(xml, quality);
            }
        }

        return json > xml;
    }
}
