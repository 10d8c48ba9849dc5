// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// Per-service limits. Durations are in seconds; a maximum execution duration of 0 means unlimited.
/// Concurrent is how many jobs of the service may execute at once (null: only the server-wide pool limits).
/// </summary>
public sealed record ServiceLimits
{
    public int DefaultExecutionDuration { get; init; } = 600;
    public int MaxExecutionDuration { get; init; } = 86_400;
    public TimeSpan DefaultDestruction { get; init; } = TimeSpan.FromDays(7);
    public TimeSpan MaxDestruction { get; init; } = TimeSpan.FromDays(30);
    public int? Concurrent { get; init; }

    /// <summary>Clamps a requested execution duration to the maximum (0, unlimited, becomes the maximum when there is one).</summary>
    public int ClampExecutionDuration(int requested) =>
        MaxExecutionDuration == 0 ? requested
        : requested <= 0 ? MaxExecutionDuration
        : Math.Min(requested, MaxExecutionDuration);
}
