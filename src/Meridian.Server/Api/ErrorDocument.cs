// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Server.Http;
using Microsoft.Net.Http.Headers;

namespace Meridian.Server.Api;

/// <summary>
/// Which form {job}/error takes: the one the client names in Accept (a VOTable type, or text/plain) when it names
/// one of them, else the service's error_format. STILTS sends no such Accept, so the definition decides for it.
/// </summary>
public static class ErrorDocument
{
    public static ErrorFormat Negotiate(HttpRequest request, ErrorFormat serviceDefault)
    {
        var votable = AcceptHeader.Quality(request, IsVotable);
        var text = AcceptHeader.Quality(request, media => AcceptHeader.Is(media, "text/plain"));
        return votable > text ? ErrorFormat.Votable : text > votable ? ErrorFormat.Text : serviceDefault;
    }

    // application/x-votable+xml, and the older text/xml;content=x-votable that TAP clients also send.
    private static bool IsVotable(MediaTypeHeaderValue media) =>
        AcceptHeader.Is(media, "application/x-votable+xml") || AcceptHeader.Is(media, "application/x-votable")
        || (AcceptHeader.Is(media, "text/xml") && media.Parameters.Any(p => p.Name.Equals("content", StringComparison.OrdinalIgnoreCase)
            && p.Value.Equals("x-votable", StringComparison.OrdinalIgnoreCase)));
}
