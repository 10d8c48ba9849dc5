// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Meridian.Server.Http;

/// <summary>
/// A job's file (a result or an upload) sent as it is. What a code wrote or a user uploaded may be HTML or an SVG
/// holding script; opened directly it would run on this server's origin, with the reader's session. The sandbox
/// policy gives such a document an origin of its own and no script; the pages still show images through &lt;img&gt;
/// and read tables with fetch, which the policy does not touch. Private data: never kept by a cache.
/// </summary>
public static class FileDownload
{
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

    public static PhysicalFileHttpResult Send(HttpContext context, string path, string contentType, string? downloadName = null, bool ranges = true)
    {
        Protect(context.Response);
        var file = new FileInfo(path);
        // The framework answers If-None-Match (a list, or *) with 304 and If-Range with the whole file once it changed.
        return TypedResults.PhysicalFile(path, contentType, fileDownloadName: downloadName, lastModified: file.LastWriteTimeUtc,
            entityTag: EntityTag(file), enableRangeProcessing: ranges);
    }

    /// <summary>
    /// A strong validator: a job's file changes only by being written anew (an upload replaced while the job is
    /// PENDING), which changes its modification time to the tick or its length.
    /// </summary>
    public static EntityTagHeaderValue EntityTag(FileInfo file) =>
        new($"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"", isWeak: false);

    public static void Protect(HttpResponse response)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
    }
}
