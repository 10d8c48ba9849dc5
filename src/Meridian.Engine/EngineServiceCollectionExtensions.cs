// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Meridian.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The engine: the service catalog (loaded and checked when first needed, at start-up), the local
    /// executor, the dispatcher, the destruction and orphan-folder sweepers, the node monitor, the change listener and the job
    /// manager. A store is added separately (UseSqliteStore or UsePostgresStore).
    /// </summary>
    public static IServiceCollection AddMeridianEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PhaseWaiter>();
        services.AddSingleton<IJobExecutor, LocalProcessExecutor>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MeridianOptions>>().Value;
            var executors = provider.GetServices<IJobExecutor>().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            return ServiceCatalog.Load(options.ServicesDirectory, executors, [.. provider.GetServices<IExecutorSectionReader>()]);
        });
        services.AddSingleton<JobDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<JobDispatcher>());
        services.AddSingleton<JobManager>();
        services.AddSingleton<ExecutionReports>();
        services.AddSingleton<DestructionSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<DestructionSweeper>());
        services.AddSingleton<OrphanFolderSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<OrphanFolderSweeper>());
        services.AddSingleton<NodeMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<NodeMonitor>());
        services.AddHostedService<JobChangeListener>();
        services.AddHostedService<GracefulShutdown>();
        return services;
    }
}
