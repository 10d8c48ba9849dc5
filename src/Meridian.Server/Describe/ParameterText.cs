// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Describe;

/// <summary>A parameter's type and rules in words, for the WADL docs and the service page.</summary>
public static class ParameterText
{
    public static string Type(ParameterDefinition parameter) =>
        parameter.Type == ParameterType.List ? $"list of {Name(parameter.ItemType!.Value)}" : Name(parameter.Type);

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

        if (parameter.Type == ParameterType.List)
        {
            rules.Add($"{parameter.MinItems} to {parameter.MaxItems} items, repeated or comma-separated");
        }

        return string.Join("; ", rules);
    }

    private static string Name(ParameterType type) => type.ToString().ToLowerInvariant();
}
