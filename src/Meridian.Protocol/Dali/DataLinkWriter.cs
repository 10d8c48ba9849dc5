// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Protocol.Dali;

/// <summary>
/// A DataLink 1.1 links document: a VOTable 1.4 whose results table has the standard's columns (ID, access_url,
/// service_def, error_message, semantics, description, content_type, content_length, content_qualifier,
/// local_semantics, link_auth, link_authorized), one row per link, as DataLink clients (pyvo, TOPCAT) read it.
/// </summary>
public static class DataLinkWriter
{
    public const string MediaType = "application/x-votable+xml;content=datalink";

    private static readonly (string Name, string Type, string? Size, string Ucd)[] Columns =
    [
        ("ID", "char", "*", "meta.id;meta.main"),
        ("access_url", "char", "*", "meta.ref.url"),
        ("service_def", "char", "*", "meta.ref"),
        ("error_message", "char", "*", "meta.code.error"),
        ("semantics", "char", "*", "meta.code"),
        ("description", "char", "*", "meta.note"),
        ("content_type", "char", "*", "meta.code.mime"),
        ("content_length", "long", null, "phys.size;meta.file"),
        ("content_qualifier", "char", "*", "meta.code.class"),
        ("local_semantics", "char", "*", "meta.code"),
        ("link_auth", "char", "*", "meta.code"),
        ("link_authorized", "boolean", null, "meta.code"),
    ];

    /// <param name="authenticated">Whether the links need the caller's credentials (link_auth "required", and authorized for this caller).</param>
    public static void Write(Stream output, IReadOnlyList<DataLinkRow> rows, bool authenticated)
    {
        using var xml = VotableDocument.BeginResults(output, indent: true);
        xml.WriteStartElement("INFO", DaliErrorWriter.VotableNamespace);
        xml.WriteAttributeString("name", "standardID");
        xml.WriteAttributeString("value", "ivo://ivoa.net/std/DataLink#links-1.1");
        xml.WriteEndElement();
        xml.WriteStartElement("TABLE", DaliErrorWriter.VotableNamespace);
        foreach (var (name, type, size, ucd) in Columns)
        {
            xml.WriteStartElement("FIELD", DaliErrorWriter.VotableNamespace);
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("datatype", type);
            if (size is not null)
            {
                xml.WriteAttributeString("arraysize", size);
            }

            xml.WriteAttributeString("ucd", ucd);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("DATA", DaliErrorWriter.VotableNamespace);
        xml.WriteStartElement("TABLEDATA", DaliErrorWriter.VotableNamespace);
        foreach (var row in rows)
        {
            xml.WriteStartElement("TR", DaliErrorWriter.VotableNamespace);
            string?[] cells =
            [
                row.Id, row.AccessUrl, null, null, row.Semantics, row.Description, row.ContentType,
                row.ContentLength?.ToString(CultureInfo.InvariantCulture), null, row.LocalSemantics,
                authenticated ? "required" : "false", authenticated ? "T" : null,
            ];
            foreach (var cell in cells)
            {
                xml.WriteElementString("TD", DaliErrorWriter.VotableNamespace, cell is null ? "" : Meridian.Protocol.XmlText.Safe(cell));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndDocument();
    }
}
