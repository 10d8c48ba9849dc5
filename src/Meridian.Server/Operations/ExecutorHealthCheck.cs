// SPDX-License-Identifier: MIT
using Meridian.Engine;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Operations;

/// <summary>
/// Ready needs somewhere to run jobs: every executor a service names is present, and the jobs folder
/// (where every executor finds its job's inputs and leaves its results) accepts a file.
/// </summary>
public sealed class ExecutorHealthCheck(ServiceCatalog catalog, IEnumerable<IJobExecutor> executors, IOptions<MeridianOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var present = executors.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var missing = catalog.Services.Select(s => s.Executor).Where(name => !present.Contains(name)).Distinct().ToList();
        if (missing.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"No executor named {string.Join(", ", missing)} is configured.");
        }

        var folder = options.Value.JobsDirectory;
        var probe = Path.Combine(folder, $".ready-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(probe, "ready", cancellationToken);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"The jobs folder {folder} does not accept files: {exception.Message}");
        }

        return HealthCheckResult.Healthy($"Executors {string.Join(", ", present.Order())} are present; the jobs folder accepts files.");
    }
}
