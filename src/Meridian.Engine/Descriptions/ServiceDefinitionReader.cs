// SPDX-License-Identifier: MIT
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
    private static readonly string[] TopKeys = ["name", "title", "description", "command", "parameters", "results", "limits", "executor", "anonymous", "version", "error_format",
         "list_streams", "success_exit_codes", "aliases", "key_parameters"];
    private static readonly string[] ParameterKeys =
        ["type", "of", "unit", "min", "max", "default", "required", "title", "description", "pattern", "pattern_hint", "max_length", "values", "max_size", "min_items", "max_items",
         "when", "excludes", "less_than", "greater_than", "fields", "columns", "min_rows", "max_rows", "as"];
    private static readonly string[] ResultKeys = ["name", "path", "glob", "type", "description", "columns"];
    private static readonly string[] LimitKeys = ["execution_duration", "destruction", "concurrent"];
    /// <summary>Job-control names that a service parameter may not take (UWS and its filters).</summary>
    public static readonly IReadOnlySet<string> ControlNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "PHASE", "RUNID", "EXECUTIONDURATION", "DESTRUCTION", "ACTION", "WAIT", "AFTER", "LAST", "QUOTE", "OWNER",
    };

    private readonly string _path;
    private readonly IReadOnlySet<string> _executors;
    private readonly IReadOnlyList<IExecutorSectionReader> _sections;
    private readonly List<string> _problems = [];

    private ServiceDefinitionReader(string path, IReadOnlySet<string> executors, IReadOnlyList<IExecutorSectionReader> sections)
    {
        _path = path;
        _executors = executors;
        _sections = sections;
    }

    /// <summary>Reads and checks a file; returns the definition, or null with the problems found.</summary>
    public static ServiceDefinition? Read(string path, IReadOnlySet<string> executors, out IReadOnlyList<string> problems) =>
        Read(path, executors, [], out problems);

    /// <summary>Reads and checks a file, handing each executor's own block (slurm: …) to that executor's reader.</summary>
    public static ServiceDefinition? Read(string path, IReadOnlySet<string> executors, IReadOnlyList<IExecutorSectionReader> sections, out IReadOnlyList<string> problems)
    {
        var reader = new ServiceDefinitionReader(path, executors, sections);
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

        // Each executor that reads a block of its own adds its name to the keys a definition may have.
        CheckKeys(root, [.. TopKeys, .. _sections.Select(section => section.Executor)], "a service definition");
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

        var batch = ReadExecutorSections(root, executor);
        var errorFormat = ReadErrorFormat(root);
        var command = ReadCommand(Child(root, "command"), parameters);
        var successExitCodes = ReadSuccessExitCodes(Child(root, "success_exit_codes"));
        var aliases = ReadAliases(Child(root, "aliases"));
        var keyParameters = ReadKeyParameters(Child(root, "key_parameters"), parameters);
        if (_problems.Count > 0 || name is null || command is null)
        {
            return null;
        }

        return new ServiceDefinition
        {
            Name = name,
            Title = OptionalScalar(root, "title") ?? name,
            Description = OptionalScalar(root, "description")?.Trim() ?? "",
            Version = OptionalScalar(root, "version"),
            Command = command,
            Parameters = parameters,
            Results = results,
            Limits = limits,
            Executor = executor,
            Batch = batch,
            Anonymous = Boolean(root, "anonymous") ?? false,
            ErrorFormat = errorFormat,
            ListStreams = Boolean(root, "list_streams") ?? true,
            SuccessExitCodes = successExitCodes,
            Aliases = aliases,
            KeyParameters = keyParameters,
            ServiceDirectory = Path.GetDirectoryName(Path.GetFullPath(_path))!,
            SourcePath = _path,
        };
    }

    private ErrorFormat ReadErrorFormat(YamlMappingNode root)
    {
        switch (OptionalScalar(root, "error_format"))
        {
            case null or "text":
                return ErrorFormat.Text;
            case "votable":
                return ErrorFormat.Votable;
            case var other:
                Problem(Child(root, "error_format"), $"error_format '{other}' is not known (use text or votable)");
                return ErrorFormat.Text;
        }
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

        var known = parameters.Where(p => p.Delivery != StructuredDelivery.Arguments || !p.IsStructured).Select(p => p.Name)
            .Concat(parameters.SelectMany(p => p.Fields.Select(f => $"{p.Name}.{f.Name}"))).ToHashSet(StringComparer.Ordinal);
        foreach (var placeholder in template.PlaceholderNames.Distinct())
        {
            if (parameters.FirstOrDefault(p => p.Name == placeholder) is { IsStructured: true, Delivery: StructuredDelivery.Arguments } taken)
            {
                Problem(node, $"command uses {{{placeholder}}}, but '{taken.Name}' is handed over as arguments (as: arguments): name its {(taken.Type == ParameterType.Table ? "columns" : "fields")}, such as {{{taken.Name}.{(taken.Fields.Count > 0 ? taken.Fields[0].Name : "field")}}}");
            }
            else if (!known.Contains(placeholder) && !CommandTemplate.BuiltIns.Contains(placeholder))
            {
                Problem(node, $"command uses {{{placeholder}}}, which is neither a declared parameter nor one of {string.Join(", ", CommandTemplate.BuiltIns.Select(b => "{" + b + "}"))}");
            }
        }

        return template;
    }

    private static bool IsRelativeInside(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Split('/', '\\').Any(part => part == "..");

    private static bool TryParseType(string text, out ParameterType type) =>
        Enum.TryParse(text, ignoreCase: true, out type) && !int.TryParse(text, out _);

    internal void Problem(YamlNode? node, string reason) =>
        _problems.Add($"{_path}:{(node is null ? 1 : node.Start.Line)}: {reason}");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ServiceNamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex ParameterNamePattern();
}
