// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// The placeholder values a job's parameters give its command: a scalar or a list as bound; a record or a table
/// as the path of the file it is handed over in (unless it goes as arguments) and one {name.field} per field
/// or column. Shared by the renderer and by the binder's check of Linux's argument limits.
/// </summary>
public static class CommandValues
{
    /// <summary>The placeholders that are booleans, so that a group naming a false one is dropped.</summary>
    public static IReadOnlySet<string> Booleans(ServiceDefinition service) =>
        service.Parameters.Where(p => p.ScalarType == ParameterType.Boolean && p.Type != ParameterType.List).Select(p => p.Name)
            .Concat(service.Parameters.Where(p => p.Type == ParameterType.Record)
                .SelectMany(p => p.Fields.Where(f => f.ScalarType == ParameterType.Boolean).Select(f => $"{p.Name}.{f.Name}")))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Adds one parameter's values; <paramref name="deliveredFile"/> gives the file a structured value is handed over in.</summary>
    public static void Add(
        Dictionary<string, IReadOnlyList<string>> values, ServiceDefinition service, JobParameter parameter, Func<ParameterDefinition, string> deliveredFile)
    {
        if (service.FindParameter(parameter.Name) is not { IsStructured: true } definition || parameter.Values is not [var canonical])
        {
            values[parameter.Name] = parameter.Values;
            return;
        }

        foreach (var (key, fieldValues) in StructuredValue.Placeholders(definition, canonical))
        {
            values[key] = fieldValues;
        }

        if (definition.Delivery != StructuredDelivery.Arguments)
        {
            values[parameter.Name] = [deliveredFile(definition)];
        }
    }
}
