// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// Reading records (fields:) and tables (columns:, min_rows:, max_rows:), and how the program receives them (as:).
/// A field or a column is declared like a scalar parameter, without relations: those belong to whole parameters.
/// </summary>
public sealed partial class ServiceDefinitionReader
{
    private static readonly string[] StructureKeys = ["fields", "columns", "as"];
    private static readonly string[] FieldKeys = ["type", "unit", "min", "max", "default", "required", "title", "description", "pattern", "max_length", "values"];

    private ParameterDefinition ReadStructure(ParameterDefinition parameter, YamlMappingNode mapping)
    {
        var isRecord = parameter.Type == ParameterType.Record;
        var isTable = parameter.Type == ParameterType.Table;
        var own = isRecord ? "fields" : "columns";
        foreach (var key in StructureKeys.Where(key => Child(mapping, key) is not null))
        {
            if (!(isRecord || isTable) || (key != "as" && key != own))
            {
                Problem(Child(mapping, key), $"parameter '{parameter.Name}': '{key}' applies to {(key == "fields" ? "records" : key == "columns" ? "tables" : "records and tables")} only");
            }
        }

        var minRows = (int?)Number(mapping, "min_rows", isTable);
        var maxRows = (int?)Number(mapping, "max_rows", isTable);
        if (!isRecord && !isTable)
        {
            return parameter;
        }

        if (parameter.LessThan is not null || parameter.GreaterThan is not null)
        {
            Problem(mapping, $"parameter '{parameter.Name}': less_than and greater_than compare numbers; put min and max on the {own} instead");
        }

        var fields = ReadFields(parameter.Name, own, Child(mapping, own), mapping);
        if (minRows > maxRows || minRows < 0)
        {
            Problem(mapping, $"parameter '{parameter.Name}': min_rows must be between 0 and max_rows");
        }

        var structured = parameter with
        {
            Fields = fields,
            Delivery = ReadDelivery(parameter.Name, mapping, isTable),
            MinItems = minRows ?? (parameter.Required ? 1 : 0),
            MaxItems = maxRows ?? ParameterDefinition.DefaultMaxRows,
        };

        // A record none of whose fields must be given is there even when the client sends nothing: its
        // fields take their defaults, so that {name.field} in the command keeps its place.
        if (isRecord && fields.Count > 0 && !fields.Any(f => f.Required && f.Default.Count == 0)
            && StructuredValue.TryCanonicalize(structured, "{}", out _) is { } defaults)
        {
            return structured with { Default = [defaults] };
        }

        return structured;
    }

    private List<ParameterDefinition> ReadFields(string name, string own, YamlNode? node, YamlMappingNode parameter)
    {
        var fields = new List<ParameterDefinition>();
        if (node is not YamlMappingNode mapping || mapping.Children.Count == 0)
        {
            Problem(node ?? parameter, $"parameter '{name}': '{own}:' must map each name to its declaration, such as {{abundance: {{type: real, min: 0}}}}");
            return fields;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            var fieldName = (key as YamlScalarNode)?.Value ?? "";
            if (!ParameterNamePattern().IsMatch(fieldName) || !seen.Add(fieldName))
            {
                Problem(key, $"parameter '{name}': '{fieldName}' must be a new name of letters, digits and '_', starting with a letter");
                continue;
            }

            if (value is YamlMappingNode fieldMapping)
            {
                CheckKeys(fieldMapping, FieldKeys, $"{own[..^1]} '{name}.{fieldName}'");
            }

            var field = ReadParameter($"{name}.{fieldName}", value);
            if (field is null)
            {
                continue;
            }

            if (field.Type is ParameterType.List or ParameterType.File or ParameterType.Record or ParameterType.Table)
            {
                Problem(value, $"{own[..^1]} '{name}.{fieldName}' holds one value: string, integer, real, boolean or enum");
                continue;
            }

            fields.Add(field with { Name = fieldName });
        }

        return fields;
    }

    private StructuredDelivery ReadDelivery(string name, YamlMappingNode mapping, bool isTable)
    {
        switch (OptionalScalar(mapping, "as"))
        {
            case null:
                return isTable ? StructuredDelivery.Csv : StructuredDelivery.Json;
            case var text when Enum.TryParse<StructuredDelivery>(text, ignoreCase: true, out var delivery) && !int.TryParse(text, out _):
                return delivery;
            case var other:
                Problem(Child(mapping, "as"), $"parameter '{name}': as '{other}' is not known (use csv or json for a file, or arguments)");
                return StructuredDelivery.Json;
        }
    }
}
