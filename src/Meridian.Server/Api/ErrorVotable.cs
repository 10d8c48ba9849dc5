// SPDX-License-Identifier: MIT
using Meridian.Protocol.Dali;

namespace Meridian.Server.Api;

/// <summary>A job's error as a DALI error VOTable (QUERY_STATUS=ERROR carrying the summary and the stderr).</summary>
public sealed class ErrorVotable(string? message) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var buffer = new MemoryStream();
        DaliErrorWriter.Write(buffer, message);
        var response = httpContext.Response;
        response.ContentType = DaliErrorWriter.MediaType + "; charset=utf-8";
        response.Headers.Vary = "Accept";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, httpContext.RequestAborted);
    }
}
