// SPDX-License-Identifier: MIT
using Meridian.Server.Http;

namespace Meridian.Server.Sync;

/// <summary>The main result of a synchronous job, sent as the answer; Content-Location names where it stays.</summary>
public sealed class SyncResult(string path, string mimeType, string resultUrl) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.ContentLocation = resultUrl;
        return FileDownload.Send(httpContext, path, mimeType, ranges: false).ExecuteAsync(httpContext);
    }
}
