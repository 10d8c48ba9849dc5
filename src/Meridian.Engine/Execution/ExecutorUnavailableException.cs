// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// The executor cannot take jobs now (a batch scheduler that does not answer). Nothing was started: the job
/// stays QUEUED and is handed over again once RetryAfter has passed.
/// </summary>
public sealed class ExecutorUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
