// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;

namespace Meridian.Engine.Execution;

/// <summary>
/// What to run: the argv (program first, each value one literal argument), where, and where its standard
/// output and error go. TimeLimit is the job's execution duration, and Batch the service's requirements,
/// for executors that pass them on to a scheduler.
/// </summary>
public sealed record ExecutionRequest(
    string JobId,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string StdoutPath,
    string StderrPath,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? TimeLimit)
{
    /// <summary>What the service asks a batch scheduler for; null for the executor's defaults.</summary>
    public BatchRequirements? Batch { get; init; }

    /// <summary>Where a batch job reports its start and end; null when the server takes no callbacks.</summary>
    public ExecutionCallback? Callback { get; init; }
}
