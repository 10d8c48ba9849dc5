// SPDX-License-Identifier: MIT
namespace Meridian.Bench;

/// <summary>The HTTP client every measurement uses, so that floors and figures pay the same client costs.</summary>
internal static class BenchHttp
{
    /// <summary>No redirects (a 303 is the answer being measured), no cookies, no proxy: loopback only, straight.</summary>
    public static HttpClient CreateClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        };
        if (!baseAddress.IsLoopback)
        {
            throw new BenchException($"{baseAddress} is not a loopback address; the bench talks to 127.0.0.1 only");
        }

        // A request's own bound: the longest is a WAIT=30 poll.
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }
}
