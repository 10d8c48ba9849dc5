// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Meridian.Server.Tests.OImaging;

/// <summary>
/// The bytes of the requests that OImaging's ClientUWS sends through Restlet 2's HTTP client (JMMC-OpenDev/oimaging,
/// RemoteExecutionMode and ClientUWS; Restlet's FormDataSet): a multipart body with Restlet's fixed boundary, a
/// file part typed image/* and plain fields without a Content-Type, written chunked because its length is not
/// known beforehand; PHASE=ABORT as an URL-encoded form; GET and DELETE without a body.
/// </summary>
public sealed class RestletRequests(Uri server)
{
    /// <summary>FormDataSet.DEFAULT_BOUNDARY.</summary>
    public const string Boundary = "---Aa1Bb2Cc3---";
    /// <summary>The size of the chunks Restlet's chunked output stream writes.</summary>
    private const int ChunkSize = 2048;

    private string Host => $"{server.Host}:{server.Port}";

    public byte[] Get(string path) => Encoding.ASCII.GetBytes(Head("GET", path) + "\r\n");

    public byte[] Delete(string path) => Encoding.ASCII.GetBytes(Head("DELETE", path) + "\r\n");

    /// <summary>A Restlet Form (ClientUWS.setJobPhase): its web representation, URL-encoded UTF-8 of known length.</summary>
    public byte[] PostForm(string path, string name, string value)
    {
        var body = Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
        var head = Head("POST", path)
            + "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
            + $"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>
    /// RemoteExecutionMode.callUwsOimagingService's FormDataSet: inputfile (a FileRepresentation of MediaType.IMAGE_ALL),
    /// software, cliOptions when set, then PHASE=RUN, in that order.
    /// </summary>
    public byte[] PostJob(string path, string fileName, byte[] oifits, string software, string? cliOptions)
    {
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"inputfile\"; filename=\"{fileName}\"\r\nContent-Type: image/*\r\n\r\n");
        body.Write(oifits);
        Write("\r\n");
        var fields = new List<(string Name, string Value)> { ("software", software) };
        if (cliOptions is not null)
        {
            fields.Add(("cliOptions", cliOptions));
        }

        fields.Add(("PHASE", "RUN"));
        foreach (var (name, value) in fields)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        Write($"--{Boundary}--\r\n");
        var request = new MemoryStream();
        request.Write(Encoding.ASCII.GetBytes(Head("POST", path)
            + $"Content-Type: multipart/form-data; boundary={Boundary}\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var bytes = body.ToArray();
        for (var offset = 0; offset < bytes.Length; offset += ChunkSize)
        {
            var size = Math.Min(ChunkSize, bytes.Length - offset);
            request.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            request.Write(bytes, offset, size);
            request.Write("\r\n"u8);
        }

        request.Write("0\r\n\r\n"u8);
        return request.ToArray();
    }

    private string Head(string method, string path) =>
        $"{method} {path} HTTP/1.1\r\n"
        + $"Date: {DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture)}\r\n"
        + "Accept: */*\r\n"
        + "User-Agent: Restlet-Framework/2.4.3\r\n"
        + $"Host: {Host}\r\n";
}
