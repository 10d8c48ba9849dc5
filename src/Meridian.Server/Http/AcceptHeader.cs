// SPDX-License-Identifier: MIT
using Microsoft.Net.Http.Headers;

namespace Meridian.Server.Http;

/// <summary>Content negotiation on the Accept header: how much the client wants the media types a test picks out.</summary>
public static class AcceptHeader
{
    /// <summary>The highest quality (q, 1 when not given) of the accepted media types that match; 0 when none does or Accept is absent.</summary>
    public static double Quality(HttpRequest request, Func<MediaTypeHeaderValue, bool> matches)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return 0;
        }

        return accepted.Where(matches).Select(media => media.Quality ?? 1).DefaultIfEmpty(0).Max();
    }

    public static bool Is(MediaTypeHeaderValue media, string type) => media.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase);
}
