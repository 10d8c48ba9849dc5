// SPDX-License-Identifier: MIT
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

/// <summary>A job this server dispatched and still looks after: its phase as last written here, and how to stop it.</summary>
internal sealed class RunningJob(string service, bool batch)
{
    public string Service { get; } = service;
    /// <summary>Whether a batch scheduler runs the job: it outlives this server and is not killed at shutdown.</summary>
    public bool Batch { get; } = batch;
    /// <summary>The job's phase in the store as this server last wrote it: QUEUED until a batch job runs.</summary>
    public volatile ExecutionPhase Phase = ExecutionPhase.QUEUED;
    /// <summary>When the job started EXECUTING, once it has; its execution duration counts from then.</summary>
    public DateTimeOffset? StartTime { get; set; }
    public TaskCompletionSource<StopReason> Stop { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Set once the claim succeeded: before that, the store's phase is still QUEUED.</summary>
    public volatile bool Claimed;
}
