// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// CSV as RFC 4180 writes it (comma-separated, quoted fields with doubled quotes, CRLF or LF rows), the form
/// in which a table is pasted from a spreadsheet and handed to programs that read CSV.
/// </summary>
public static class CsvTable
{
    /// <summary>Rows keyed by the header's names; an empty cell is no value. Null with the reason when malformed.</summary>
    public static List<Dictionary<string, string?>>? TryRead(string text, out string? error)
    {
        error = null;
        var records = Records(text, out error);
        if (records is null)
        {
            return null;
        }

        records.RemoveAll(record => record.All(cell => cell.Trim().Length == 0));
        if (records.Count == 0)
        {
            error = "the CSV text has no header row naming the columns";
            return null;
        }

        var header = records[0].Select(name => name.Trim()).ToList();
        if (header.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            error = $"the CSV header names '{twice.Key}' twice";
            return null;
        }

        var rows = new List<Dictionary<string, string?>>();
        for (var index = 1; index < records.Count; index++)
        {
            if (records[index].Count != header.Count)
            {
                error = $"CSV row {index} has {records[index].Count} cells; the header has {header.Count}";
                return null;
            }

            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var column = 0; column < header.Count; column++)
            {
                var cell = records[index][column];
                row[header[column]] = cell.Length == 0 ? null : cell;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A header row, then one row per record; a cell is quoted when it holds a comma, a quote, a line break or edge spaces.</summary>
    public static void Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyDictionary<string, string>> rows, Stream target)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(column => Quote(row.GetValueOrDefault(column, "")))).Append('\n');
        }

        target.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell.Trim().Length != cell.Length
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static List<List<string>>? Records(string text, out string? error)
    {
        error = null;
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        // A quoted cell keeps its edge spaces; an unquoted one loses them.
        var wasQuoted = false;
        var line = 1;
        string Take()
        {
            var value = wasQuoted ? cell.ToString() : cell.ToString().Trim();
            cell.Clear();
            wasQuoted = false;
            return value;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',')
            {
                record.Add(Take());
            }
            else if (c is '\n' or '\r')
            {
                record.Add(Take());
                records.Add(record);
                record = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            error = $"CSV line {line}: a quoted cell is not closed";
            return null;
        }

        if (cell.Length > 0 || wasQuoted || record.Count > 0)
        {
            record.Add(Take());
            records.Add(record);
        }

        return records;
    }
}
