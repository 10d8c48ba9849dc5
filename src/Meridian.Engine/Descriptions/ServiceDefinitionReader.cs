// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// Reads one service definition file. Every problem is reported with the file and line it comes from,
/// and unknown keys are problems too (a misspelt "requried" must not pass silently).
/// </summary>
public sealed partial class ServiceDefinitionReader
{
    private static readonly string[] TopKeys = ["name", "title", "description", "command", "parameters", "results", "limits", "executor"];
    private static readonly string[] ParameterKeys =
        ["type", "of", "unit", "min", "max", "default", "required", "title", "description", "pattern", "max_length", "values", "max_size", "min_items", "max_items"];
    private static readonly string[] ResultKeys = ["name", "path", "glob", "type", "description"];
    private static readonly string[] LimitKeys = ["execution_duration", "destruction", "concurrent"];
    /// <summary>Job-control names that a service parameter may not take (UWS and its filters).</summary>
    public static readonly IReadOnlySet<string> ControlNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PHASE", "RUNID", "EXECUTIONDURATION", "DESTRUCTION", "ACTION", "WAIT", "AFTER", "LAST", "QUOTE", "OWNER",
    };

    private readonly string _path;
    private readonly IReadOnlySet<string> _executors;
    private readonly List<string> _problems = [];

    private ServiceDefinitionReader(string path, IReadOnlySet<string> executors)
    {
        _path = path;
        _executors = executors;
    }

    /// <summary>Reads and checks a file; returns the definition, or null with the problems found.</summary>
    public static ServiceDefinition? Read(string path, IReadOnlySet<string> executors, out IReadOnlyList<string> problems)
    {
        var reader = new ServiceDefinitionReader(path, executors);
        var definition = reader.Read();
        problems = reader._problems;
        return reader._problems.Count == 0 ? definition : null;
    }

    private ServiceDefinition? Read()
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var text = File.OpenText(_path))
            {
                stream.Load(text);
            }

            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                Problem(null, "a service definition is one YAML mapping (name:, title:, command: …)");
                return null;
            }

            root = mapping;
        }
        catch (YamlException exception)
        {
            _problems.Add($"{_path}:{exception.Start.Line}: {exception.Message}");
            return null;
        }

        CheckKeys(root, TopKeys, "a service definition");
        var name = RequiredScalar(root, "name");
        if (name is not null && !ServiceNamePattern().IsMatch(name))
        {
            Problem(root.Children[new YamlScalarNode("name")], $"name '{name}' must be lower-case letters, digits and '-', starting with a letter or digit (it is part of the URL)");
        }

        var parameters = ReadParameters(Child(root, "parameters"));
        var results = ReadResults(Child(root, "results"));
        var limits = ReadLimits(Child(root, "limits"));
        var executor = OptionalScalar(root, "executor") ?? "local";
        if (!_executors.Contains(executor))
        {
            Problem(Child(root, "executor"), $"executor '{executor}' is not available on this server (available: {string.Join(", ", _executors.Order())})");
        }

        var command = ReadCommand(Child(root, "command"), parameters);
        if (_problems.Count > 0 || name is null || command is null)
        {
            return null;
        }

        return new ServiceDefinition
        {
            Name = name,
            Title = OptionalScalar(root, "title") ?? name,
            Description = OptionalScalar(root, "description")?.Trim() ?? "",
            Command = command,
            Parameters = parameters,
            Results = results,
            Limits = limits,
            Executor = executor,
            ServiceDirectory = Path.GetDirectoryName(Path.GetFullPath(_path))!,
            SourcePath = _path,
        };
    }

    private CommandTemplate? ReadCommand(YamlNode? node, IReadOnlyList<ParameterDefinition> parameters)
    {
        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Problem(node, "command must be a non-empty list: the program, then its arguments (an argv list, never a shell string)");
            return null;
        }

        var sources = new List<CommandElementSource>();
        foreach (var element in sequence.Children)
        {
            switch (element)
            {
                case YamlScalarNode scalar:
                    sources.Add(new CommandElementSource(false, [scalar.Value ?? ""]));
                    break;
                case YamlSequenceNode group when group.Children.All(child => child is YamlScalarNode) && group.Children.Count > 0:
                    sources.Add(new CommandElementSource(true, group.Children.Cast<YamlScalarNode>().Select(s => s.Value ?? "").ToList()));
                    break;
                default:
                    Problem(element, "each command element is a string, or a group (a list of strings) kept only when its parameters have values");
                    return null;
            }
        }

        var template = CommandTemplate.TryParse(sources, out var error);
        if (template is null)
        {
            Problem(node, error!);
            return null;
        }

        var known = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var placeholder in template.PlaceholderNames.Distinct())
        {
            if (!known.Contains(placeholder) && !CommandTemplate.BuiltIns.Contains(placeholder))
            {
                Problem(node, $"command uses {{{placeholder}}}, which is neither a declared parameter nor one of {string.Join(", ", CommandTemplate.BuiltIns.Select(b => "{" + b + "}"))}");
            }
        }

        return template;
    }

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
            }
        }

        return parameters;
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
                Problem(Child(mapping, "type"), $"parameter '{name}': type '{typeText}' is not one of string, integer, real, boolean, enum, file, list");
            }

            return null;
        }

        ParameterType? itemType = null;
        if (type == ParameterType.List)
        {
            var of = RequiredScalar(mapping, "of");
            if (of is null || !TryParseType(of, out var parsed) || parsed is ParameterType.List or ParameterType.File)
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
            MaxLength = (int?)Number(mapping, "max_length", scalarType == ParameterType.String) ?? ParameterDefinition.DefaultMaxLength,
            Values = StringList(mapping, "values") ?? [],
            MaxSize = Size(mapping, "max_size", type == ParameterType.File),
            MinItems = (int?)Number(mapping, "min_items", type == ParameterType.List) ?? 0,
            MaxItems = (int?)Number(mapping, "max_items", type == ParameterType.List) ?? ParameterDefinition.DefaultMaxItems,
            Unit = OptionalScalar(mapping, "unit"),
            Title = OptionalScalar(mapping, "title"),
            Description = OptionalScalar(mapping, "description")?.Trim(),
        };

        if (scalarType == ParameterType.Enum && parameter.Values.Count == 0)
        {
            Problem(mapping, $"parameter '{name}': an enum needs 'values:', the list of accepted values");
        }
        else if (scalarType != ParameterType.Enum && Child(mapping, "values") is { } values)
        {
            Problem(values, $"parameter '{name}': 'values:' applies to enums only");
        }

        if (parameter.Min > parameter.Max)
        {
            Problem(mapping, $"parameter '{name}': min is greater than max");
        }

        return parameter with { Default = ReadDefault(parameter, Child(mapping, "default")) };
    }

    private List<string> ReadDefault(ParameterDefinition parameter, YamlNode? node)
    {
        var defaults = new List<string>();
        if (node is null)
        {
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

    private List<ResultDefinition> ReadResults(YamlNode? node)
    {
        var results = new List<ResultDefinition>();
        if (node is null)
        {
            return results;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, "results must be a list of {name:, path: or glob:, type:}");
            return results;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                Problem(item, "each result is a mapping {name:, path: or glob:, type:}");
                continue;
            }

            CheckKeys(mapping, ResultKeys, "a result");
            var name = RequiredScalar(mapping, "name");
            var path = OptionalScalar(mapping, "path");
            var glob = OptionalScalar(mapping, "glob");
            if (name is null)
            {
                continue;
            }

            if (!ParameterNamePattern().IsMatch(name) || ResultDefinition.ReservedNames.Contains(name) || !seen.Add(name))
            {
                Problem(mapping, $"result name '{name}' must be unique, letters, digits and '_', and not stdout or stderr (those are always results)");
            }

            if ((path is null) == (glob is null))
            {
                Problem(mapping, $"result '{name}' needs exactly one of path: or glob:");
            }
            else if (!IsRelativeInside(path ?? glob!))
            {
                Problem(mapping, $"result '{name}': '{path ?? glob}' must be relative to the job's working directory and stay inside it");
            }

            results.Add(new ResultDefinition(name, path, glob, OptionalScalar(mapping, "type") ?? "application/octet-stream", OptionalScalar(mapping, "description")));
        }

        return results;
    }

    private ServiceLimits ReadLimits(YamlNode? node)
    {
        var limits = new ServiceLimits();
        if (node is null)
        {
            return limits;
        }

        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "limits must be a mapping {execution_duration:, destruction:, concurrent:}");
            return limits;
        }

        CheckKeys(mapping, LimitKeys, "limits");
        if (Child(mapping, "execution_duration") is YamlMappingNode execution)
        {
            CheckKeys(execution, ["default", "max"], "execution_duration");
            var max = Duration(execution, "max") is { } m ? (int)m.TotalSeconds : limits.MaxExecutionDuration;
            var byDefault = Duration(execution, "default") is { } d ? (int)d.TotalSeconds : Math.Min(limits.DefaultExecutionDuration, max == 0 ? int.MaxValue : max);
            if (max != 0 && (byDefault > max || byDefault == 0))
            {
                Problem(execution, "execution_duration: the default must be within the maximum (0 means unlimited)");
            }

            limits = limits with { DefaultExecutionDuration = byDefault, MaxExecutionDuration = max };
        }
        else if (Child(mapping, "execution_duration") is { } other)
        {
            Problem(other, "execution_duration must be {default:, max:} (seconds, or 30s, 10m, 2h, 7d)");
        }

        if (Child(mapping, "destruction") is YamlMappingNode destruction)
        {
            CheckKeys(destruction, ["default", "max"], "destruction");
            var max = Duration(destruction, "max") ?? limits.MaxDestruction;
            var byDefault = Duration(destruction, "default") ?? (limits.DefaultDestruction < max ? limits.DefaultDestruction : max);
            if (byDefault > max || byDefault <= TimeSpan.Zero)
            {
                Problem(destruction, "destruction: the default must be positive and within the maximum");
            }

            limits = limits with { DefaultDestruction = byDefault, MaxDestruction = max };
        }
        else if (Child(mapping, "destruction") is { } other)
        {
            Problem(other, "destruction must be {default:, max:} (for example 7d and 30d)");
        }

        if (Number(mapping, "concurrent", true) is { } concurrent)
        {
            if (concurrent < 1 || concurrent != Math.Floor(concurrent))
            {
                Problem(Child(mapping, "concurrent"), "concurrent must be a whole number of at least 1");
            }

            limits = limits with { Concurrent = (int)concurrent };
        }

        return limits;
    }

    private static bool IsRelativeInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Split('/', '\\').Any(part => part == "..");

    private static bool TryParseType(string text, out ParameterType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && !int.TryParse(text, out _);

    private void CheckKeys(YamlMappingNode mapping, string[] allowed, string what)
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

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private string? OptionalScalar(YamlMappingNode mapping, string key)
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

    private double? Number(YamlMappingNode mapping, string key, bool applies)
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

    private List<string>? StringList(YamlMappingNode mapping, string key)
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

    private void Problem(YamlNode? node, string reason) =>
        _problems.Add($"{_path}:{(node is null ? 1 : node.Start.Line)}: {reason}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ParameterNamePattern();
}
