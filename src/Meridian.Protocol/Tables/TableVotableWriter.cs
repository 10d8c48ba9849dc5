// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Protocol.Dali;

namespace Meridian.Protocol.Tables;

/// <summary>
/// A table result as a VOTable 1.4 (TABLEDATA), for SAMP and TAP-minded tools: typed FIELDs with units and UCDs,
/// empty cells and cells that do not fit their column's type as nulls, rows streamed as they are read.
/// </summary>
public static class TableVotableWriter
{

    public static void Write(Stream output, string name, string? description, IReadOnlyList<TableColumn> columns, IEnumerable<string[]> rows)
    {
        using var xml = VotableDocument.BeginResults(output, indent: false);
        xml.WriteStartElement("TABLE", DaliErrorWriter.VotableNamespace);
        xml.WriteAttributeString("name", name);
        if (description is not null)
        {
            xml.WriteElementString("DESCRIPTION", DaliErrorWriter.VotableNamespace, Meridian.Protocol.XmlText.Safe(description));
        }

        foreach (var column in columns)
        {
            xml.WriteStartElement("FIELD", DaliErrorWriter.VotableNamespace);
            xml.WriteAttributeString("name", Meridian.Protocol.XmlText.Safe(column.Name));
            xml.WriteAttributeString("datatype", column.DataType);
            if (column.DataType == "char")
            {
                xml.WriteAttributeString("arraysize", "*");
            }

            if (column.Unit is not null)
            {
                xml.WriteAttributeString("unit", Meridian.Protocol.XmlText.Safe(column.Unit));
            }

            if (column.Ucd is not null)
            {
                xml.WriteAttributeString("ucd", Meridian.Protocol.XmlText.Safe(column.Ucd));
            }

            if (column.Description is not null)
            {
                // The schema puts DESCRIPTION first among a FIELD's children, before VALUES.
                xml.WriteElementString("DESCRIPTION", DaliErrorWriter.VotableNamespace, Meridian.Protocol.XmlText.Safe(column.Description));
            }

            if (column.DataType == "long")
            {
                // TABLEDATA has no empty integer: a null needs a value that stands for it.
                xml.WriteStartElement("VALUES", DaliErrorWriter.VotableNamespace);
                xml.WriteAttributeString("null", long.MinValue.ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("DATA", DaliErrorWriter.VotableNamespace);
        xml.WriteStartElement("TABLEDATA", DaliErrorWriter.VotableNamespace);
        foreach (var row in rows)
        {
            xml.WriteStartElement("TR", DaliErrorWriter.VotableNamespace);
            for (var i = 0; i < columns.Count; i++)
            {
                xml.WriteElementString("TD", DaliErrorWriter.VotableNamespace, Cell(columns[i].DataType, i < row.Length ? row[i].Trim() : ""));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndDocument();
    }

    private static string Cell(string type, string cell) => type switch
    {
        _ when cell.Length == 0 => type == "long" ? long.MinValue.ToString(CultureInfo.InvariantCulture) : "",
        "long" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? cell : long.MinValue.ToString(CultureInfo.InvariantCulture),
        "double" => cell switch
        {
            "nan" => "NaN",
            "inf" or "+inf" or "Infinity" => "+Inf",
            "-inf" or "-Infinity" => "-Inf",
            _ => TableColumn.IsReal(cell) ? cell : "NaN",
        },
        "boolean" => cell.Equals("true", StringComparison.OrdinalIgnoreCase) ? "T" : cell.Equals("false", StringComparison.OrdinalIgnoreCase) ? "F" : "",
        _ => Meridian.Protocol.XmlText.Safe(cell),
    };
}
