// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>Reading parameters and their defaults.</summary>
public sealed partial class ServiceDefinitionReader
{
    private List<ParameterDefinition> ReadParameters(YamlNode? node)
    {
        var parameters = new List<ParameterDefinition>();
        if (node is null)
        {
            return parameters;
        }

        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "parameters must be a mapping of parameter name to its description");
            return parameters;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nodes = new Dictionary<string, YamlMappingNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            // A key may be any YAML node ([a, b]: …); only a plain string can name a parameter.
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!ParameterNamePattern().IsMatch(name))
            {
                Problem(key, $"parameter name '{name}' must be letters, digits and '_', starting with a letter");
                continue;
            }

            if (ControlNames.Contains(name) || CommandTemplate.BuiltIns.Contains(name))
            {
                Problem(key, $"parameter name '{name}' is reserved (UWS job control or a built-in placeholder)");
                continue;
            }

            if (!seen.Add(name))
            {
                Problem(key, $"parameter '{name}' is declared twice (names are compared without case)");
                continue;
            }

            if (ReadParameter(name, value) is { } parameter)
            {
                parameters.Add(parameter);
                nodes[name] = (YamlMappingNode)value;
            }
        }

        return ResolveRelations(parameters, nodes);
    }

    private ParameterDefinition? ReadParameter(string name, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, $"parameter '{name}' must be a mapping such as {{type: real, min: 0, default: 1}}");
            return null;
        }

        CheckKeys(mapping, ParameterKeys, $"parameter '{name}'");
        var typeText = RequiredScalar(mapping, "type");
        if (typeText is null || !TryParseType(typeText, out var type))
        {
            if (typeText is not null)
            {
                Problem(Child(mapping, "type"), $"parameter '{name}': type '{typeText}' is not one of string, integer, real, boolean, enum, file, list, record, table");
            }

            return null;
        }

        ParameterType? itemType = null;
        if (type == ParameterType.List)
        {
            var of = RequiredScalar(mapping, "of");
            if (of is null || !TryParseType(of, out var parsed) || parsed is ParameterType.List or ParameterType.File or ParameterType.Record or ParameterType.Table)
            {
                Problem(Child(mapping, "of") ?? mapping, $"parameter '{name}': a list needs 'of:' naming a scalar type (string, integer, real, boolean, enum)");
                return null;
            }

            itemType = parsed;
        }

        var scalarType = itemType ?? type;
        var parameter = new ParameterDefinition
        {
            Name = name,
            Type = type,
            ItemType = itemType,
            Required = Boolean(mapping, "required") ?? false,
            Min = Number(mapping, "min", scalarType is ParameterType.Integer or ParameterType.Real),
            Max = Number(mapping, "max", scalarType is ParameterType.Integer or ParameterType.Real),
            Pattern = Pattern(mapping, scalarType == ParameterType.String),
            PatternHint = OptionalScalar(mapping, "pattern_hint")?.Trim(),
            MaxLength = (int?)Number(mapping, "max_length", scalarType is ParameterType.String or ParameterType.Record or ParameterType.Table)
                ?? ParameterDefinition.DefaultMaxLength,
            Values = StringList(mapping, "values") ?? [],
            MaxSize = Size(mapping, "max_size", type == ParameterType.File),
            MinItems = (int?)Number(mapping, "min_items", type == ParameterType.List) ?? 0,
            MaxItems = (int?)Number(mapping, "max_items", type == ParameterType.List) ?? ParameterDefinition.DefaultMaxItems,
            Unit = OptionalScalar(mapping, "unit"),
            Title = OptionalScalar(mapping, "title"),
            Description = OptionalScalar(mapping, "description")?.Trim(),
            When = ReadWhen(name, Child(mapping, "when")),
            Excludes = StringList(mapping, "excludes") ?? [],
            LessThan = OptionalScalar(mapping, "less_than"),
            GreaterThan = OptionalScalar(mapping, "greater_than"),
        };

        if (scalarType == ParameterType.Enum && parameter.Values.Count == 0)
        {
            Problem(mapping, $"parameter '{name}': an enum needs 'values:', the list of accepted values");
        }
        else if (scalarType != ParameterType.Enum && Child(mapping, "values") is { } values)
        {
            Problem(values, $"parameter '{name}': 'values:' applies to enums only");
        }

        if (parameter.PatternHint is not null && parameter.Pattern is null)
        {
            Problem(Child(mapping, "pattern_hint")!, $"parameter '{name}': 'pattern_hint:' describes a pattern; give 'pattern:' too");
        }

        if (parameter.Min > parameter.Max)
        {
            Problem(mapping, $"parameter '{name}': min is greater than max");
        }

        // A record's default comes from its fields', which the structure brings.
        return ReadStructure(parameter with { Default = ReadDefault(parameter, Child(mapping, "default")) }, mapping);
    }

    private List<string> ReadDefault(ParameterDefinition parameter, YamlNode? node)
    {
        var defaults = new List<string>();
        if (node is null)
        {
            return defaults;
        }

        if (parameter.IsStructured)
        {
            Problem(node, $"parameter '{parameter.Name}': a {parameter.Type.ToString().ToLowerInvariant()} has no default of its own; give its fields defaults");
            return defaults;
        }

        if (parameter.Type == ParameterType.File)
        {
            Problem(node, $"parameter '{parameter.Name}': a file parameter cannot have a default");
            return defaults;
        }

        var items = node switch
        {
            YamlSequenceNode sequence when parameter.Type == ParameterType.List => sequence.Children,
            YamlScalarNode => [node],
            _ => null,
        };
        if (items is null || items.Any(item => item is not YamlScalarNode))
        {
            Problem(node, $"parameter '{parameter.Name}': the default must be {(parameter.Type == ParameterType.List ? "a list of values" : "a single value")}");
            return defaults;
        }

        foreach (var item in items.Cast<YamlScalarNode>())
        {
            var canonical = parameter.TryCanonicalize(item.Value ?? "", out var error);
            if (canonical is null)
            {
                Problem(item, $"parameter '{parameter.Name}': default {error}");
            }
            else
            {
                defaults.Add(canonical);
            }
        }

        return defaults;
    }
}
