// SPDX-License-Identifier: MIT
namespace Meridian.Server.Http;

/// <summary>
/// HEAD on every GET resource (RFC 9110 §9.3.2): the request is routed as the GET it mirrors, so the status and
/// headers are those a GET would get; Kestrel itself, which still knows the request was a HEAD, sends no body.
/// Before routing, so that the GET endpoint is the one chosen.
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

        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    }
}
