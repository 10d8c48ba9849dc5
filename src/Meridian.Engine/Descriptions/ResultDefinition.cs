// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// A declared result: one file (Path) or every file matching a glob, relative to the job's working
/// directory. stdout and stderr are always results too, under those names.
/// </summary>
public sealed record ResultDefinition(string Name, string? Path, string? Glob, string MimeType, string? Description)
{
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "stdout", "stderr" };

    /// <summary>The declared columns of a CSV or TSV result, by header name; the others are inferred from their cells.</summary>
    public IReadOnlyList<TableColumnDefinition> Columns { get; init; } = [];

    // Value equality, the columns compared item by item (a record compares a list by reference).
    public bool Equals(ResultDefinition? other) =>
        other is not null && Name == other.Name && Path == other.Path && Glob == other.Glob && MimeType == other.MimeType
        && Description == other.Description && Columns.SequenceEqual(other.Columns);

    public override int GetHashCode() => HashCode.Combine(Name, Path, Glob, MimeType, Description, Columns.Count);
}
