// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// What a service's jobs ask a batch scheduler for (the slurm: block of a definition). A value left null
/// takes the server-wide default; ExtraOptions come after the server's own extra options.
/// </summary>
/// <remarks>The time limit is not here: it is each job's execution duration, bounded by the service's limits.</remarks>
public sealed record BatchRequirements
{
    public string? Partition { get; init; }

    public int? CpusPerTask { get; init; }

    /// <summary>Memory in the scheduler's notation, for example 4G.</summary>
    public string? Memory { get; init; }

    public string? Account { get; init; }

    public IReadOnlyList<string> ExtraOptions { get; init; } = [];
}
