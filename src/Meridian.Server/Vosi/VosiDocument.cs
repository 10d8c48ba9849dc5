// SPDX-License-Identifier: MIT
using Meridian.Protocol.Vosi;

namespace Meridian.Server.Vosi;

/// <summary>A VOSI document as XML (the only representation VOSI defines).</summary>
public sealed class VosiDocument(Action<Stream> write, int statusCode = StatusCodes.Status200OK) : IResult
{
    public static VosiDocument Availability(Availability availability) =>
        new(s => VosiXmlWriter.WriteAvailability(s, availability));

    public static VosiDocument Capabilities(IReadOnlyList<Capability> capabilities) =>
        new(s => VosiXmlWriter.WriteCapabilities(s, capabilities));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/xml; charset=utf-8";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, httpContext.RequestAborted);
    }
}
