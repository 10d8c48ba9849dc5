// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Describe;

/// <summary>A parameter's type and rules in words, for the WADL docs and the service page.</summary>
public static class ParameterText
{
    public static string Type(ParameterDefinition parameter) => parameter.Type switch
    {
        ParameterType.List => $"list of {Name(parameter.ItemType!.Value)}",
        ParameterType.Record => $"record, a JSON object of {Fields(parameter)}",
        ParameterType.Table => $"table, CSV with a header row or a JSON array of rows, of columns {Fields(parameter)}",
        _ => Name(parameter.Type),
    };

    public static string Constraints(ParameterDefinition parameter)
    {
        var rules = new List<string>();
        if (parameter.Unit is not null)
        {
            rules.Add($"unit {parameter.Unit}");
        }

        if (parameter.Min is { } min)
        {
            rules.Add($"min {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (parameter.Max is { } max)
        {
            rules.Add($"max {max.ToString(CultureInfo.InvariantCulture)}");
        }

        if (parameter.Type == ParameterType.Enum || parameter.ItemType == ParameterType.Enum)
        {
            rules.Add($"one of {string.Join(", ", parameter.Values)}");
        }

        if (parameter.Pattern is not null)
        {
            rules.Add($"matching {parameter.Pattern}");
        }

        if (parameter.MaxSize is { } size)
        {
            rules.Add($"at most {size} bytes");
        }

        if (parameter.Type == ParameterType.Table)
        {
            rules.Add($"{parameter.MinItems} to {parameter.MaxItems} rows");
        }

        if (parameter.Type == ParameterType.List)
        {
            rules.Add($"{parameter.MinItems} to {parameter.MaxItems} items, repeated or comma-separated");
        }

        return string.Join("; ", rules);
    }

    private static string Fields(ParameterDefinition parameter) =>
        string.Join(", ", parameter.Fields.Select(f => Constraints(f) is { Length: > 0 } rules ? $"{f.Name} ({Type(f)}; {rules})" : $"{f.Name} ({Type(f)})"));

    private static string Name(ParameterType type) => type.ToString().ToLowerInvariant();
}
