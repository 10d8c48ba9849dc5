// SPDX-License-Identifier: MIT

namespace Meridian.Protocol.Dali;

/// <summary>
/// A DALI error document (DALI 1.1 §4.2): a VOTable whose results resource holds one INFO named QUERY_STATUS
/// with the value ERROR and the message as its text, which STILTS's tapresume and TOPCAT print for a failed job.
/// A job without an error has the value OK and no text.
/// </summary>
public static class DaliErrorWriter
{
    public const string MediaType = "application/x-votable+xml";
    public const string VotableNamespace = VotableDocument.Namespace;

    public static void Write(Stream output, string? message)
    {
        using var xml = VotableDocument.BeginResults(output, indent: true);
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
