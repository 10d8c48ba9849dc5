// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// Reading the relationships between parameters: when: (applies only for some values of an earlier parameter),
/// excludes: (not together), less_than: and greater_than: (a bound set by another parameter).
/// </summary>
public sealed partial class ServiceDefinitionReader
{
    private Dictionary<string, IReadOnlyList<string>> ReadWhen(string name, YamlNode? node)
    {
        var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (node is null)
        {
            return when;
        }

        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            Problem(node, $"parameter '{name}': 'when' must be a mapping such as {{model: limb-darkened}} or {{model: [a, b]}}");
            return when;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var values = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode sequence when sequence.Children.Count > 0 && sequence.Children.All(c => c is YamlScalarNode) =>
                    sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? "").ToList(),
                _ => null,
            };
            if (values is null)
            {
                Problem(value, $"parameter '{name}': 'when' takes a value or a list of values for each parameter");
                continue;
            }

            when[(key as YamlScalarNode)?.Value ?? ""] = values;
        }

        return when;
    }

    /// <summary>
    /// Checks that every relationship names a parameter that can carry it, and spells the names and values as
    /// declared, so that the binder compares canonical values only.
    /// </summary>
    private List<ParameterDefinition> ResolveRelations(List<ParameterDefinition> parameters, Dictionary<string, YamlMappingNode> nodes)
    {
        var resolved = new List<ParameterDefinition>(parameters.Count);
        for (var index = 0; index < parameters.Count; index++)
        {
            var parameter = parameters[index];
            var node = nodes[parameter.Name];
            var when = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (target, values) in parameter.When)
            {
                // Only an earlier parameter: the binder settles them in order, so a condition never depends on a later one.
                var other = parameters.Take(index).FirstOrDefault(p => p.Name.Equals(target, StringComparison.OrdinalIgnoreCase));
                if (other is null || other.Type is ParameterType.File or ParameterType.List)
                {
                    Problem(Child(node, "when"), $"parameter '{parameter.Name}': 'when' must name a single-valued parameter declared before it, not '{target}'");
                    continue;
                }

                var canonical = new List<string>();
                foreach (var value in values)
                {
                    if (other.TryCanonicalize(value, out var error) is { } spelled)
                    {
                        canonical.Add(spelled);
                    }
                    else
                    {
                        Problem(Child(node, "when"), $"parameter '{parameter.Name}': when {other.Name} is {error}");
                    }
                }

                when[other.Name] = canonical;
            }

            resolved.Add(parameter with
            {
                When = when,
                Excludes = parameter.Excludes.Select(name => Other(parameters, parameter, node, "excludes", name, numeric: false)).OfType<string>().ToList(),
                LessThan = parameter.LessThan is { } less ? Other(parameters, parameter, node, "less_than", less, numeric: true) : null,
                GreaterThan = parameter.GreaterThan is { } greater ? Other(parameters, parameter, node, "greater_than", greater, numeric: true) : null,
            });
        }

        return resolved;
    }

    private string? Other(List<ParameterDefinition> parameters, ParameterDefinition parameter, YamlMappingNode node, string key, string name, bool numeric)
    {
        static bool IsNumber(ParameterDefinition p) => p.Type is ParameterType.Integer or ParameterType.Real;
        var other = parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (other is null || other == parameter)
        {
            Problem(Child(node, key), $"parameter '{parameter.Name}': '{key}' must name another parameter of this service, not '{name}'");
            return null;
        }

        if (numeric && !(IsNumber(parameter) && IsNumber(other)))
        {
            Problem(Child(node, key), $"parameter '{parameter.Name}': '{key}' compares two single integer or real parameters; '{other.Name}' or '{parameter.Name}' is not one");
            return null;
        }

        return other.Name;
    }
}
