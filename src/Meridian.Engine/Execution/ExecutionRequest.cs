// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// What to run: the argv (program first, each value one literal argument), where, and where its standard
/// output and error go. TimeLimit is the job's execution duration, for executors that pass it on.
/// </summary>
public sealed record ExecutionRequest(
    string JobId,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string StdoutPath,
    string StderrPath,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan? TimeLimit);
