// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Execution.Slurm;

public static class SlurmExecutorExtensions
{
    /// <summary>
    /// Offers executor: slurm, with its settings from <paramref name="settings"/> (Meridian:Slurm). Always offered,
    /// so that a definition naming it is read; a machine without SLURM's commands is refused at start-up only
    /// when a service uses it (IJobExecutor.CheckInstalled).
    /// </summary>
    public static IServiceCollection UseSlurmExecutor(this IServiceCollection services, IConfiguration settings)
    {
        services.AddSingleton(_ => settings.Get<SlurmExecutorOptions>() ?? new SlurmExecutorOptions());
        services.AddSingleton(provider =>
            new SlurmExecutor(provider.GetRequiredService<SlurmExecutorOptions>(), provider.GetRequiredService<ILogger<SlurmExecutor>>()));
        services.AddSingleton<IJobExecutor>(provider => provider.GetRequiredService<SlurmExecutor>());
        // The slurm: block of a definition is this executor's to read; the definition reader only hands it over.
        services.AddSingleton<IExecutorSectionReader, SlurmSectionReader>();
        return services;
    }
}
