// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Storage;

/// <summary>What a phase change writes besides the phase, shared by every store so they cannot disagree.</summary>
public static class StoreSemantics
{
    public static Job Apply(Job job, PhaseChange change)
    {
        var next = job with
        {
            Phase = change.Next,
            Results = change.Results ?? job.Results,
            Error = change.Error ?? job.Error,
            ExecutorHandle = change.ExecutorHandle ?? job.ExecutorHandle,
            NodeId = change.NodeId ?? job.NodeId,
        };
        return change.Next switch
        {
            ExecutionPhase.QUEUED => next with { QueuedTime = change.At },
            ExecutionPhase.EXECUTING => next with { StartTime = job.StartTime ?? change.At },
            _ when PhaseTransitions.IsTerminal(change.Next) => next with { EndTime = job.EndTime ?? change.At },
            _ => next,
        };
    }
}
