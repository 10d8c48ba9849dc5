// SPDX-License-Identifier: MIT
namespace Meridian.Protocol;

/// <summary>A job as the UWS 1.1 schema describes it (uws:JobSummary), ready to be written.</summary>
public sealed record JobSummary
{
    public required string JobId { get; init; }
    public string? RunId { get; init; }
    /// <summary>Null when the job is anonymous: written as xsi:nil.</summary>
    public string? OwnerId { get; init; }
    public required ExecutionPhase Phase { get; init; }
    public DateTimeOffset? Quote { get; init; }
    public required DateTimeOffset CreationTime { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    /// <summary>Wall-clock seconds; 0 means unlimited.</summary>
    public required int ExecutionDuration { get; init; }
    public DateTimeOffset? Destruction { get; init; }
    public IReadOnlyList<ParameterValue> Parameters { get; init; } = [];
    public IReadOnlyList<ResultReference> Results { get; init; } = [];
    public ErrorSummary? ErrorSummary { get; init; }
    public JobProgress? Progress { get; init; }
}

/// <summary>One parameter value; ByReference when Value is a URL to the content (an upload).</summary>
public sealed record ParameterValue(string Id, string Value, bool ByReference = false);

/// <summary>One result: a unique id and where to fetch it.</summary>
public sealed record ResultReference(string Id, string Href, long? Size, string? MimeType);

/// <summary>What a job reported of its own progress: a fraction in [0, 1] and an optional message.</summary>
public sealed record JobProgress(double Fraction, string? Message);

/// <summary>A job as it appears in the job list (uws:ShortJobDescription).</summary>
public sealed record JobReference(
    string Id, string Href, ExecutionPhase Phase, string? RunId, string? OwnerId, DateTimeOffset CreationTime);
