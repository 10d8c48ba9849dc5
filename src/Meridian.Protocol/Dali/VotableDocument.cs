// SPDX-License-Identifier: MIT
using System.Text;
using System.Xml;

namespace Meridian.Protocol.Dali;

/// <summary>The start every VOTable Meridian writes shares: VOTABLE 1.4 (namespace v1.3) and a results RESOURCE.</summary>
public static class VotableDocument
{
    public const string Namespace = "http://www.ivoa.net/xml/VOTable/v1.3";

    /// <summary>A writer positioned inside RESOURCE type="results"; disposing it closes every open element.</summary>
    public static XmlWriter BeginResults(Stream output, bool indent)
    {
        var xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = indent,
            // Carriage returns in cells survive as &#xD;, as in the UWS documents.
            NewLineHandling = NewLineHandling.Entitize,
        });
        xml.WriteStartDocument();
        xml.WriteStartElement("VOTABLE", Namespace);
        xml.WriteAttributeString("version", "1.4");
        xml.WriteStartElement("RESOURCE", Namespace);
        xml.WriteAttributeString("type", "results");
        return xml;
    }
}
