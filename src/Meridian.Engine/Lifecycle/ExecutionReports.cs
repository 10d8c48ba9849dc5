// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Receives what batch jobs report about themselves (started, ended with an exit code) and passes it to their
/// executor, once the job's secret is verified: a report nobody can forge, so the executor may trust it.
/// </summary>
public sealed class ExecutionReports(IJobStore store, ServiceCatalog catalog, IEnumerable<IJobExecutor> executors, IOptions<MeridianOptions> options)
{
    private readonly Dictionary<string, IBatchExecutor> _executors =
        executors.OfType<IBatchExecutor>().ToDictionary(executor => executor.Name, StringComparer.Ordinal);

    /// <summary>
    /// False when the job does not exist or the secret is not the job's; true when the report was passed on.
    /// <paramref name="handle"/> is what the script says its execution is: the server may not have recorded it
    /// yet when a quick job reports its start; the recorded one wins otherwise.
    /// </summary>
    public async Task<bool> ReceiveAsync(
        string jobId, ExecutionCallbackEvent callbackEvent, string? handle, int? exitCode, ReadOnlyMemory<byte> secret, CancellationToken cancellationToken)
    {
        if (!JobId.IsWellFormed(jobId) || !ExecutionCallback.Verify(new JobWorkspace(options.Value.JobsDirectory, jobId), secret.Span))
        {
            return false;
        }

        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null || catalog.Find(job.Service) is not { } service || !_executors.TryGetValue(service.Executor, out var executor))
        {
            return false;
        }

        if ((job.ExecutorHandle ?? handle) is { Length: > 0 } known)
        {
            executor.Report(known, callbackEvent, exitCode);
        }

        return true;
    }
}
