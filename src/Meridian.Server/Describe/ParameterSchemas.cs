// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json.Nodes;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Describe;

/// <summary>A declared parameter as a JSON Schema (the OpenAPI 3.0 dialect): type, range, choices, pattern, default.</summary>
public static class ParameterSchemas
{
    public static JsonObject For(ParameterDefinition parameter)
    {
        if (parameter.Type == ParameterType.List)
        {
            var list = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Scalar(parameter),
                ["minItems"] = parameter.MinItems,
                ["maxItems"] = parameter.MaxItems,
            };
            if (parameter.Default.Count > 0)
            {
                list["default"] = new JsonArray([.. parameter.Default.Select(value => Value(parameter, value))]);
            }

            return Annotate(list, parameter);
        }

        if (parameter.IsStructured)
        {
            // Sent as one form value holding JSON (a table may also be CSV text); x-json-schema says what the JSON holds.
            var row = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject(parameter.Fields.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)For(f)))),
                ["required"] = new JsonArray([.. parameter.Fields.Where(f => f.Required).Select(f => (JsonNode)f.Name)]),
                ["additionalProperties"] = false,
            };
            var content = parameter.Type == ParameterType.Table
                ? new JsonObject { ["type"] = "array", ["items"] = row, ["minItems"] = parameter.MinItems, ["maxItems"] = parameter.MaxItems }
                : row;
            return Annotate(new JsonObject { ["type"] = "string", ["maxLength"] = parameter.MaxLength, ["x-json-schema"] = content }, parameter);
        }

        var schema = Scalar(parameter);
        if (parameter.Default.Count > 0)
        {
            schema["default"] = Value(parameter, parameter.Default[0]);
        }

        return Annotate(schema, parameter);
    }

    private static JsonObject Scalar(ParameterDefinition parameter)
    {
        var schema = parameter.ScalarType switch
        {
            ParameterType.Integer => new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ParameterType.Real => new JsonObject { ["type"] = "number", ["format"] = "double" },
            ParameterType.Boolean => new JsonObject { ["type"] = "boolean" },
            ParameterType.Enum => new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. parameter.Values.Select(v => (JsonNode)v)]) },
            ParameterType.File => new JsonObject { ["type"] = "string", ["format"] = "binary" },
            _ => new JsonObject { ["type"] = "string", ["maxLength"] = parameter.MaxLength },
        };
        if (parameter.Min is { } min)
        {
            schema["minimum"] = min;
        }

        if (parameter.Max is { } max)
        {
            schema["maximum"] = max;
        }

        if (parameter.Pattern is { } pattern)
        {
            // The definition's pattern as written; the binder anchors it (the whole value must match).
            schema["pattern"] = $"^(?:{Unanchored(pattern.ToString())})$";
        }

        return schema;
    }

    private static JsonObject Annotate(JsonObject schema, ParameterDefinition parameter)
    {
        if (parameter.Title is not null)
        {
            schema["title"] = parameter.Title;
        }

        var description = parameter.Description ?? "";
        if (parameter.Unit is not null)
        {
            description = $"{description} (unit: {parameter.Unit})".Trim();
            schema["x-unit"] = parameter.Unit;
        }

        if (parameter.MaxSize is { } size)
        {
            description = $"{description} (at most {size} bytes)".Trim();
            schema["x-max-size"] = size;
        }

        if (description.Length > 0)
        {
            schema["description"] = description;
        }

        return schema;
    }

    /// <summary>A default as its JSON type: numbers and booleans are not strings.</summary>
    private static JsonNode Value(ParameterDefinition parameter, string canonical) => parameter.ScalarType switch
    {
        ParameterType.Integer => long.Parse(canonical, CultureInfo.InvariantCulture),
        ParameterType.Real => double.Parse(canonical, CultureInfo.InvariantCulture),
        ParameterType.Boolean => canonical == "true",
        _ => canonical,
    };

    /// <summary>ParameterDefinition.CompilePattern wraps the pattern as ^(?:…)$; the description shows it once.</summary>
    private static string Unanchored(string compiled) =>
        compiled.StartsWith("^(?:", StringComparison.Ordinal) && compiled.EndsWith(")$", StringComparison.Ordinal) ? compiled[4..^2] : compiled;
}
