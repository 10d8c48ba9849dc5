// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Protocol.Tables;

/// <summary>
/// Rows of a CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) or TSV file, the first
/// being the header. Read lazily, so that a large table is never held whole.
/// </summary>
public static class DelimitedTable
{
    public static char DelimiterFor(string mimeType) =>
        mimeType.StartsWith("text/tab-separated-values", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';

    public static IEnumerable<string[]> Read(TextReader reader, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (any || fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return fields.ToArray();
                    }

                    fields.Clear();
                    any = false;
                    break;
                default:
                    if (ch == delimiter)
                    {
                        fields.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    any = true;
                    break;
            }
        }

        if (any || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
