// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;

namespace Meridian.Server.Api;

/// <summary>
/// A job list as XML (or JSON when preferred, as <see cref="UwsDocument"/>), streamed: the store is read a page at
/// a time along the list's own order (the keyset cursor of <see cref="JobListFilter.Before"/>), and each page is
/// sent before the next is read, so the server's memory does not grow with the list. The first page is read
/// before anything is sent, so a store that cannot answer still gets its proper status.
/// </summary>
public sealed class JobListDocument(JobManager manager, JobListFilter filter, string jobListUrl) : IResult
{
    /// <summary>Rows per store read: large enough that a page's query costs little beside its rows.</summary>
    public const int PageSize = 1000;

    /// <summary>Rows per write to the connection: some 28 kB of XML.</summary>
    private const int SliceSize = 100;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var aborted = httpContext.RequestAborted;
        var remaining = filter.Last;
        var page = await ReadPageAsync(null, remaining, aborted);
        var json = UwsDocument.PrefersJson(httpContext.Request);
        var response = httpContext.Response;
        response.ContentType = json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8";
        response.Headers.Vary = "Accept";
        // The writers write synchronously, into memory; every slice of rows goes out with one asynchronous write, so the
        // buffer stays small (and off the large-object heap) whatever the page size.
        using var body = new SyncWriteBufferStream(response.Body);
        var list = json ? UwsJobListWriter.Json(body) : UwsJobListWriter.Xml(body);
        var sent = false;
        while (true)
        {
            remaining -= page.Count;
            foreach (var slice in page.Chunk(SliceSize))
            {
                // The slice before goes out as this one is written: what stays pending at the end is the list's last part.
                if (body.PendingLength > 0)
                {
                    await body.DrainAsync(aborted);
                    sent = true;
                }

                list.Write(slice.Select(entry => JobDocuments.Reference(jobListUrl, entry)));
            }

            if (page.Count < PageSize || remaining <= 0)
            {
                break;
            }

            var final = page[^1];
            page = await ReadPageAsync(new JobListCursor(final.CreationTime, final.Id), remaining, aborted);
        }

        list.Dispose();
        if (!sent)
        {
            // A short list is sent whole, with its length, as every other document.
            response.ContentLength = body.PendingLength;
        }

        await body.DrainAsync(aborted);
    }

    private Task<IReadOnlyList<JobListEntry>> ReadPageAsync(JobListCursor? after, int? remaining, CancellationToken cancellationToken) =>
        manager.ListAsync(filter with { Before = after ?? filter.Before, Last = Math.Min(remaining ?? PageSize, PageSize) }, cancellationToken);
}
