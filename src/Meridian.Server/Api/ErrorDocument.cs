// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Microsoft.Net.Http.Headers;

namespace Meridian.Server.Api;

/// <summary>
/// Which form {job}/error takes: the one the client names in Accept (a VOTable type, or text/plain) when it names
/// one of them, else the service's error_format. STILTS sends no such Accept, so the definition decides for it.
/// </summary>
public static class ErrorDocument
{
    private static readonly string[] VotableTypes = ["application/x-votable+xml", "text/xml;content=x-votable", "application/x-votable"];

    public static ErrorFormat Negotiate(HttpRequest request, ErrorFormat serviceDefault)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return serviceDefault;
        }

        double votable = 0, text = 0;
        foreach (var media in accepted)
        {
            var quality = media.Quality ?? 1;
            var type = media.MediaType.Value ?? "";
            var content = media.Parameters.FirstOrDefault(p => p.Name.Equals("content", StringComparison.OrdinalIgnoreCase))?.Value.Value;
            var full = content is null ? type : $"{type};content={content}";
            if (VotableTypes.Any(t => t.Equals(full, StringComparison.OrdinalIgnoreCase)))
            {
                votable = Math.Max(votable, quality);
            }
            else if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                text = Math.Max(text, quality);
            }
        }

        return votable > text ? ErrorFormat.Votable : text > votable ? ErrorFormat.Text : serviceDefault;
    }
}
