// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// The value of a record (one JSON object) or a table (a JSON array of row objects, or CSV text with a header
/// row): each field is checked by its own declaration, and the value is kept as canonical JSON, with the fields
/// in declared order and numbers and booleans as JSON types, so that equal values are spelled alike.
/// </summary>
public static class StructuredValue
{
    private static readonly JsonDocumentOptions Reading = new() { MaxDepth = 4 };
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical JSON of a client's value, or null with the reason (naming the row and field).</summary>
    public static string? TryCanonicalize(ParameterDefinition parameter, string raw, out string? error)
    {
        if (raw.Length > parameter.MaxLength)
        {
            error = $"the value is {raw.Length} characters long; at most {parameter.MaxLength} are accepted";
            return null;
        }

        List<Dictionary<string, string?>>? rows;
        if (parameter.Type == ParameterType.Table && raw.TrimStart() is var start && !start.StartsWith('[') && !start.StartsWith('{'))
        {
            rows = CsvTable.TryRead(raw, out error);
        }
        else
        {
            rows = ReadJson(parameter, raw, out error);
        }

        if (rows is null)
        {
            return null;
        }

        if (parameter.Type == ParameterType.Table && (rows.Count < parameter.MinItems || rows.Count > parameter.MaxItems))
        {
            error = $"{rows.Count} rows given; between {parameter.MinItems} and {parameter.MaxItems} are accepted";
            return null;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            if (parameter.Type == ParameterType.Table)
            {
                writer.WriteStartArray();
            }

            for (var index = 0; index < rows.Count; index++)
            {
                var where = parameter.Type == ParameterType.Table ? $"row {index + 1}, " : "";
                if (!WriteRow(parameter, rows[index], writer, where, out error))
                {
                    return null;
                }
            }

            if (parameter.Type == ParameterType.Table)
            {
                writer.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The rows of a canonical value (one for a record), each field as its canonical text; a field without a
    /// value is absent from its row.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(string canonical)
    {
        using var document = JsonDocument.Parse(canonical, Reading);
        var objects = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
        return objects.Select(row => (IReadOnlyDictionary<string, string>)row.EnumerateObject()
            .ToDictionary(property => property.Name, property => Text(property.Value), StringComparer.Ordinal)).ToList();
    }

    /// <summary>
    /// The {name.field} placeholders of a value: a record's field gives its one value, a table's column the
    /// column's values row by row (an empty string where a row has none, so that columns stay aligned).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Placeholders(ParameterDefinition parameter, string canonical)
    {
        var rows = Rows(canonical);
        foreach (var field in parameter.Fields)
        {
            var key = $"{parameter.Name}.{field.Name}";
            if (parameter.Type == ParameterType.Table)
            {
                yield return new(key, rows.Select(row => row.GetValueOrDefault(field.Name, "")).ToList());
            }
            else if (rows[0].TryGetValue(field.Name, out var value))
            {
                yield return new(key, [value]);
            }
        }
    }

    /// <summary>The file the program reads for a Json or Csv delivery: the canonical JSON, or CSV with a header row.</summary>
    public static void WriteFile(ParameterDefinition parameter, string canonical, Stream target)
    {
        if (parameter.Delivery == StructuredDelivery.Csv)
        {
            CsvTable.Write(parameter.Fields.Select(f => f.Name).ToList(), Rows(canonical), target);
            return;
        }

        target.Write(Encoding.UTF8.GetBytes(canonical + "\n"));
    }

    /// <summary>The extension of the file a delivery writes.</summary>
    public static string FileExtension(StructuredDelivery delivery) => delivery == StructuredDelivery.Csv ? ".csv" : ".json";

    private static List<Dictionary<string, string?>>? ReadJson(ParameterDefinition parameter, string raw, out string? error)
    {
        error = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw, Reading);
        }
        catch (JsonException exception)
        {
            error = $"not valid JSON ({exception.Message.Split(" Path:", 2)[0].TrimEnd('.')}); {Expected(parameter)}";
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var objects = parameter.Type == ParameterType.Table
                ? root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : null
                : root.ValueKind == JsonValueKind.Object ? [root] : null;
            if (objects is null)
            {
                error = Expected(parameter);
                return null;
            }

            var rows = new List<Dictionary<string, string?>>();
            for (var index = 0; index < objects.Count; index++)
            {
                var where = parameter.Type == ParameterType.Table ? $"row {index + 1}: " : "";
                if (ReadObject(parameter, objects[index], where, out error) is not { } row)
                {
                    return null;
                }

                rows.Add(row);
            }

            return rows;
        }
    }

    private static Dictionary<string, string?>? ReadObject(ParameterDefinition parameter, JsonElement element, string where, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"{where}each row is a JSON object such as {Example(parameter)}";
            return null;
        }

        var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!row.TryAdd(property.Name, property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => "\0nested",
            }))
            {
                error = $"{where}'{property.Name}' is given twice";
                return null;
            }

            if (row[property.Name] == "\0nested")
            {
                error = $"{where}{property.Name}: a field holds one value (text, a number or true/false), not a list or an object";
                return null;
            }
        }

        return row;
    }

    private static bool WriteRow(ParameterDefinition parameter, Dictionary<string, string?> row, Utf8JsonWriter writer, string where, out string? error)
    {
        error = null;
        var unknown = row.Keys.FirstOrDefault(key => !parameter.Fields.Any(f => f.Name.Equals(key, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null)
        {
            error = $"{where}'{unknown}' is not one of the {(parameter.Type == ParameterType.Table ? "columns" : "fields")}: {string.Join(", ", parameter.Fields.Select(f => f.Name))}";
            return false;
        }

        writer.WriteStartObject();
        foreach (var field in parameter.Fields)
        {
            var raw = row.GetValueOrDefault(field.Name);
            string? canonical;
            if (raw is null || (raw.Length == 0 && field.ScalarType != ParameterType.String))
            {
                if (field.Default.Count == 0)
                {
                    if (field.Required)
                    {
                        error = $"{where}{field.Name}: required";
                        return false;
                    }

                    continue;
                }

                canonical = field.Default[0];
            }
            else if ((canonical = field.TryCanonicalize(raw, out var fieldError)) is null)
            {
                error = $"{where}{field.Name}: {fieldError}";
                return false;
            }

            WriteField(writer, field, canonical);
        }

        writer.WriteEndObject();
        return true;
    }

    private static void WriteField(Utf8JsonWriter writer, ParameterDefinition field, string canonical)
    {
        switch (field.ScalarType)
        {
            case ParameterType.Integer:
                writer.WriteNumber(field.Name, long.Parse(canonical, CultureInfo.InvariantCulture));
                break;
            case ParameterType.Real:
                writer.WriteNumber(field.Name, double.Parse(canonical, CultureInfo.InvariantCulture));
                break;
            case ParameterType.Boolean:
                writer.WriteBoolean(field.Name, canonical == "true");
                break;
            default:
                writer.WriteString(field.Name, canonical);
                break;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.TryGetInt64(out var integer)
            ? integer.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "",
    };

    private static string Expected(ParameterDefinition parameter) => parameter.Type == ParameterType.Table
        ? $"a table is a JSON array of rows such as [{Example(parameter)}], or CSV text with a header row ({string.Join(",", parameter.Fields.Select(f => f.Name))})"
        : $"a record is a JSON object such as {Example(parameter)}";

    private static string Example(ParameterDefinition parameter) =>
        "{" + string.Join(", ", parameter.Fields.Select(f => $"\"{f.Name}\": {ExampleValue(f)}")) + "}";

    private static string ExampleValue(ParameterDefinition field)
    {
        var given = field.Default.Count > 0 ? field.Default[0] : null;
        return field.ScalarType switch
        {
            ParameterType.Integer => given ?? "1",
            ParameterType.Real => given ?? "1.5",
            ParameterType.Boolean => given ?? "true",
            ParameterType.Enum => $"\"{given ?? field.Values[0]}\"",
            _ => $"\"{given ?? "text"}\"",
        };
    }
}
