// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>Reading the declared columns of a table result.</summary>
public sealed partial class ServiceDefinitionReader
{
    private static readonly string[] ColumnKeys = ["name", "type", "unit", "ucd", "description"];

    private List<TableColumnDefinition> ReadColumns(YamlNode? node, string result, string mimeType)
    {
        var columns = new List<TableColumnDefinition>();
        if (node is null)
        {
            return columns;
        }

        if (!mimeType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !mimeType.StartsWith("text/tab-separated-values", StringComparison.OrdinalIgnoreCase))
        {
            Problem(node, $"result '{result}': columns: describes a table, so the result's type must be text/csv or text/tab-separated-values");
            return columns;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"result '{result}': columns must be a list of {{name:, type:, unit:, ucd:, description:}}");
            return columns;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                Problem(item, $"result '{result}': each column is a mapping {{name:, type:, unit:, ucd:}}");
                continue;
            }

            CheckKeys(mapping, ColumnKeys, "a column");
            var name = RequiredScalar(mapping, "name");
            if (name is null)
            {
                continue;
            }

            if (!seen.Add(name))
            {
                Problem(mapping, $"result '{result}': column '{name}' is declared twice");
            }

            var type = OptionalScalar(mapping, "type") ?? "char";
            if (!TableColumnDefinition.DataTypes.Contains(type))
            {
                Problem(Child(mapping, "type"), $"result '{result}': column '{name}': type '{type}' must be one of {string.Join(", ", TableColumnDefinition.DataTypes)}");
            }

            var ucd = OptionalScalar(mapping, "ucd");
            if (ucd is not null && !UcdPattern().IsMatch(ucd))
            {
                Problem(Child(mapping, "ucd"), $"result '{result}': column '{name}': '{ucd}' is not a UCD (words such as phys.luminosity;em.IR, separated by ';')");
            }

            var unit = OptionalScalar(mapping, "unit");
            if (unit is { Length: > 64 })
            {
                Problem(Child(mapping, "unit"), $"result '{result}': column '{name}': a unit has at most 64 characters (VOUnits such as km/s or mas)");
            }

            columns.Add(new TableColumnDefinition(name, type, unit, ucd, OptionalScalar(mapping, "description")));
        }

        return columns;
    }

    // IVOA UCD 1+: atoms of letters, digits, '-' and '_' joined by '.', several words separated by ';'.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)*(;\s*[A-Za-z][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)*)*$")]
    private static partial Regex UcdPattern();
}
