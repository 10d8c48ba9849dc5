// SPDX-License-Identifier: MIT
using Meridian.Protocol;
using Microsoft.Extensions.Logging;

namespace Meridian.Engine;

/// <summary>Every log line the engine writes, as templates (never interpolated strings).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Job {JobId} of {Service} moved {From} to {To}")]
    public static partial void PhaseChanged(ILogger logger, string jobId, string service, ExecutionPhase from, ExecutionPhase to);

    /// <summary>A move on the way (queued, claimed, held): each is the audit line's or the job's own startTime already.</summary>
    [LoggerMessage(20, LogLevel.Debug, "Job {JobId} of {Service} moved {From} to {To}")]
    public static partial void PhaseChangedOnTheWay(ILogger logger, string jobId, string service, ExecutionPhase from, ExecutionPhase to);

    [LoggerMessage(2, LogLevel.Warning, "Job {JobId} was EXECUTING when the server stopped; it ends in ERROR")]
    public static partial void Orphaned(ILogger logger, string jobId);

    [LoggerMessage(3, LogLevel.Error, "Job {JobId} failed inside the dispatcher")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(4, LogLevel.Information, "Destroyed job {JobId} of {Service}")]
    public static partial void Destroyed(ILogger logger, string jobId, string service);

    [LoggerMessage(5, LogLevel.Error, "The destruction sweep failed; it will be tried again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "The dispatcher loop failed; it will be tried again")]
    public static partial void DispatcherLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Debug, "Created job {JobId} of {Service}")]
    public static partial void Created(ILogger logger, string jobId, string service);

    [LoggerMessage(8, LogLevel.Warning, "The job store is unreachable; the outcome of job {JobId} will be written when it is back")]
    public static partial void OutcomeDeferred(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(9, LogLevel.Warning, "Node {NodeId} could not send its heartbeat")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, string nodeId);

    [LoggerMessage(10, LogLevel.Warning, "Job {JobId} was EXECUTING on node {NodeId}, which stopped responding; it ends in ERROR")]
    public static partial void NodeLost(ILogger logger, string jobId, string? nodeId);

    [LoggerMessage(11, LogLevel.Warning, "The job change feed failed; reconnecting")]
    public static partial void ChangeFeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Information, "Job {JobId} was changed elsewhere while executing here; its execution is stopped")]
    public static partial void Superseded(ILogger logger, string jobId);

    [LoggerMessage(13, LogLevel.Information, "Job {JobId} was handed to its batch scheduler as {Handle}")]
    public static partial void Submitted(ILogger logger, string jobId, string handle);

    [LoggerMessage(14, LogLevel.Warning, "The batch executor {Executor} cannot take job {JobId} now; it stays QUEUED and is handed over again in {RetryAfter}")]
    public static partial void ExecutorUnavailable(ILogger logger, Exception exception, string executor, string jobId, TimeSpan retryAfter);

    [LoggerMessage(15, LogLevel.Information, "Job {JobId} is followed again in its batch scheduler ({Handle})")]
    public static partial void Reattached(ILogger logger, string jobId, string? handle);

    [LoggerMessage(16, LogLevel.Warning, "The batch scheduler could not cancel job {JobId} ({Handle})")]
    public static partial void CancelFailed(ILogger logger, Exception exception, string jobId, string handle);

    [LoggerMessage(17, LogLevel.Warning, "Could not look for the batch job of {JobId}; trying again")]
    public static partial void FindFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(18, LogLevel.Information, "Removed the folder {Folder}: no job of that id exists")]
    public static partial void OrphanFolderRemoved(ILogger logger, string folder);

    [LoggerMessage(19, LogLevel.Error, "The sweep of orphan job folders failed; it will be tried again")]
    public static partial void OrphanSweepFailed(ILogger logger, Exception exception);
}
