// SPDX-License-Identifier: MIT
using System.Text;
using System.Xml;

namespace Meridian.Protocol.Dali;

/// <summary>
/// A DALI error document (DALI 1.1 §4.2): a VOTable whose results resource holds one INFO named QUERY_STATUS
/// with the value ERROR and the message as its text, which STILTS's tapresume and TOPCAT print for a failed job.
/// A job without an error has the value OK and no text.
/// </summary>
public static class DaliErrorWriter
{
    public const string MediaType = "application/x-votable+xml";
    public const string VotableNamespace = "http://www.ivoa.net/xml/VOTable/v1.3";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static void Write(Stream output, string? message)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("VOTABLE", VotableNamespace);
        xml.WriteAttributeString("version", "1.4");
        xml.WriteStartElement("RESOURCE", VotableNamespace);
        xml.WriteAttributeString("type", "results");
        xml.WriteStartElement("INFO", VotableNamespace);
        xml.WriteAttributeString("name", "QUERY_STATUS");
        xml.WriteAttributeString("value", message is null ? "OK" : "ERROR");
        if (message is not null)
        {
            xml.WriteString(Meridian.Protocol.XmlText.Safe(message));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
