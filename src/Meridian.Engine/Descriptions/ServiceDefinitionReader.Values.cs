// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>Reading single values of a mapping, each problem with its line.</summary>
public sealed partial class ServiceDefinitionReader
{
    internal void CheckKeys(YamlMappingNode mapping, string[] allowed, string what)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !allowed.Contains(name, StringComparer.Ordinal))
            {
                Problem(key, $"{what}: unknown key '{name}' (known: {string.Join(", ", allowed)})");
            }
        }
    }

    internal static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    internal string? OptionalScalar(YamlMappingNode mapping, string key)
    {
        var node = Child(mapping, key);
        if (node is null or YamlScalarNode)
        {
            return (node as YamlScalarNode)?.Value;
        }

        Problem(node, $"'{key}' must be a single value");
        return null;
    }

    private string? RequiredScalar(YamlMappingNode mapping, string key)
    {
        var value = OptionalScalar(mapping, key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(Child(mapping, key) ?? mapping, $"'{key}' is required");
            return null;
        }

        return value;
    }

    private bool? Boolean(YamlMappingNode mapping, string key)
    {
        var text = OptionalScalar(mapping, key);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(Child(mapping, key), $"'{key}' must be true or false");
        return null;
    }

    internal double? Number(YamlMappingNode mapping, string key, bool applies)
    {
        var text = OptionalScalar(mapping, key);
        if (text is null)
        {
            return null;
        }

        if (!applies)
        {
            Problem(Child(mapping, key), $"'{key}' does not apply to this type");
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Problem(Child(mapping, key), $"'{key}' must be a number, not '{text}'");
        return null;
    }

    private Regex? Pattern(YamlMappingNode mapping, bool applies)
    {
        var text = OptionalScalar(mapping, "pattern");
        if (text is null)
        {
            return null;
        }

        if (!applies)
        {
            Problem(Child(mapping, "pattern"), "'pattern' applies to strings only");
            return null;
        }

        try
        {
            return ParameterDefinition.CompilePattern(text);
        }
        catch (ArgumentException exception)
        {
            Problem(Child(mapping, "pattern"), $"pattern is not a valid regular expression: {exception.Message}");
            return null;
        }
    }

    private long? Size(YamlMappingNode mapping, string key, bool applies)
    {
        var text = OptionalScalar(mapping, key);
        if (text is null)
        {
            return null;
        }

        if (!applies)
        {
            Problem(Child(mapping, key), $"'{key}' applies to files only");
        }
        else if (Quantities.TryParseSize(text, out var bytes) && bytes > 0)
        {
            return bytes;
        }
        else
        {
            Problem(Child(mapping, key), $"'{key}' must be a size such as 512KB or 10MB, not '{text}'");
        }

        return null;
    }

    private TimeSpan? Duration(YamlMappingNode mapping, string key)
    {
        var text = OptionalScalar(mapping, key);
        if (text is null)
        {
            return null;
        }

        if (Quantities.TryParseDuration(text, out var duration))
        {
            return duration;
        }

        Problem(Child(mapping, key), $"'{key}' must be a duration such as 60, 90s, 10m, 2h or 7d, not '{text}'");
        return null;
    }

    internal List<string>? StringList(YamlMappingNode mapping, string key)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode))
        {
            return sequence.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "").ToList();
        }

        Problem(node, $"'{key}' must be a list of values");
        return null;
    }
}
