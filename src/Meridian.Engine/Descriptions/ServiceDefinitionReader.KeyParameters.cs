// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>key_parameters: which declared parameters a job list shows as columns, so that runs differ at a glance.</summary>
public sealed partial class ServiceDefinitionReader
{
    private const int DefaultKeyParameters = 3;

    private List<string> ReadKeyParameters(YamlNode? node, IReadOnlyList<ParameterDefinition> parameters)
    {
        if (node is null)
        {
            return parameters.Take(DefaultKeyParameters).Select(p => p.Name).ToList();
        }

        var names = new List<string>();
        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, "key_parameters must be a list of declared parameter names, such as [theta, wavelength]");
            return names;
        }

        foreach (var item in sequence.Children)
        {
            var name = (item as YamlScalarNode)?.Value ?? "";
            var declared = parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (declared is null)
            {
                Problem(item, $"key_parameters: '{name}' is not a declared parameter (declared: {string.Join(", ", parameters.Select(p => p.Name))})");
            }
            else if (names.Contains(name, StringComparer.Ordinal))
            {
                Problem(item, $"key_parameters: '{name}' is given twice");
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }
}
