// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

public sealed partial class JobDispatcher
{
    /// <summary>
    /// After a restart: a local job that was EXECUTING lost its server mid-run. Its leftover process (if
    /// any) is killed and the job ends in ERROR, saying so; nothing is left EXECUTING for ever. A batch job
    /// (QUEUED or EXECUTING in its scheduler) is followed again where it is.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var job in await _store.ListInPhaseAsync(ExecutionPhase.QUEUED, cancellationToken))
        {
            if (job.NodeId == _options.NodeId)
            {
                Resume(job);
            }
        }

        foreach (var job in await _store.ListInPhaseAsync(ExecutionPhase.EXECUTING, cancellationToken))
        {
            // Other nodes' jobs are theirs; if a node died, NodeMonitor settles its jobs once it is found silent.
            if (_running.ContainsKey(job.Id) || (job.NodeId is not null && job.NodeId != _options.NodeId))
            {
                continue;
            }

            var service = _catalog.Find(job.Service);
            if (service is not null && _executors.TryGetValue(service.Executor, out var found) && found is IBatchExecutor)
            {
                Resume(job);
                continue;
            }

            // Whatever it left running is stopped; an executor whose handle is the job's id finds it from the id, even
            // when the server died before the handle could have been stored.
            if (service is not null && _executors.TryGetValue(service.Executor, out var executor)
                && (job.ExecutorHandle ?? (executor.HandleIsJobId ? job.Id : null)) is { } handle)
            {
                await executor.CancelAsync(handle, cancellationToken);
            }

            var workspace = new JobWorkspace(_options.JobsDirectory, job.Id);
            var change = new PhaseChange(ExecutionPhase.ERROR, _time.GetUtcNow())
            {
                Error = new ErrorSummary(ErrorType.Transient,
                    "The server stopped while this job was executing, so it did not finish. Submit it again.", false),
                Results = service is null ? [] : ResultCollector.Collect(service, workspace),
            };
            if (await _phases.TryMoveAsync(job.Id, job.Service, ExecutionPhase.EXECUTING, change, cancellationToken))
            {
                Log.Orphaned(_logger, job.Id);
            }
        }
    }
}
