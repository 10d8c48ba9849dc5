// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Server.Http;

/// <summary>
/// HEAD on every GET resource (RFC 9110 §9.3.2): the request is routed as the GET it mirrors, so the status and
/// headers are those a GET would get, and its body is counted instead of sent, so that Content-Length is the
/// GET's even for documents written on the fly. Before routing, so that the GET endpoint is the one chosen.
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var counted = new CountedBody();
        context.Features.Set<IHttpResponseBodyFeature>(counted);
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
            var response = context.Response;
            if (!response.HasStarted && response.ContentLength is null && response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified))
            {
                response.ContentLength = counted.Length;
            }
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(original);
        }
    }
}
