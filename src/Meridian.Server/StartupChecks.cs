// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Storage;
using Meridian.Server.Auth;
using Microsoft.Extensions.Options;

namespace Meridian.Server;

/// <summary>
/// What must hold before the server listens, each refusal one line on standard error and an exit code: 2 for a
/// broken service definition, an executor that cannot run here or an unreadable users file; 3 for a store that
/// cannot be used (an unreachable database, a missing connection string).
/// </summary>
public static class StartupChecks
{
    /// <summary>Null when the server may start; otherwise the exit code, the reason written.</summary>
    public static int? Run(IServiceProvider services, TextWriter errors)
    {
        ServiceCatalog catalog;
        try
        {
            catalog = services.GetRequiredService<ServiceCatalog>();
        }
        catch (DefinitionException exception)
        {
            errors.WriteLine(exception.Message);
            return 2;
        }

        // A service's executor must be able to run here (SLURM's commands installed, for executor: slurm).
        var executors = services.GetServices<IJobExecutor>().ToDictionary(executor => executor.Name, StringComparer.Ordinal);
        foreach (var service in catalog.Services)
        {
            if (executors.GetValueOrDefault(service.Executor)?.CheckInstalled() is { } problem)
            {
                errors.WriteLine($"{service.SourcePath}: executor: {service.Executor}, but {problem}.");
                return 2;
            }
        }

        try
        {
            services.GetRequiredService<IJobStore>();
        }
        catch (Exception exception) when (exception is StoreUnavailableException or OptionsValidationException)
        {
            errors.WriteLine($"meridian-server: {exception.Message}");
            return 3;
        }

        try
        {
            // Meridian:Auth, the JWT settings included, validated (JwtSettingsValidation) before the users file is read.
            _ = services.GetRequiredService<IOptions<AuthSettings>>().Value;
            services.GetRequiredService<UserDirectory>();
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException or OptionsValidationException)
        {
            errors.WriteLine($"meridian-server: {exception.Message}");
            return 2;
        }

        return null;
    }
}
