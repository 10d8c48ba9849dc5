// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// A column a service declares for a CSV or TSV result (results: columns:): what its VOTable form says of it, in
/// place of what the cells would suggest. DataType is a VOTable datatype the table writer knows.
/// </summary>
public sealed record TableColumnDefinition(string Name, string DataType, string? Unit, string? Ucd, string? Description)
{
    public static readonly IReadOnlyList<string> DataTypes = ["long", "double", "boolean", "char"];
}
