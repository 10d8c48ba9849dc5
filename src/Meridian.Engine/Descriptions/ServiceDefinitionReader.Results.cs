// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>Reading results and limits.</summary>
public sealed partial class ServiceDefinitionReader
{
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

            var type = OptionalScalar(mapping, "type") ?? "application/octet-stream";
            results.Add(new ResultDefinition(name, path, glob, type, OptionalScalar(mapping, "description"))
            {
                Columns = ReadColumns(Child(mapping, "columns"), name, type),
            });
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
}
