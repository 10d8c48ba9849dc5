// SPDX-License-Identifier: MIT
using Meridian.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Storage.Postgres;

public static class PostgresStoreExtensions
{
    /// <summary>
    /// Keeps jobs in PostgreSQL (PostgresStoreOptions.ConnectionString), one store instance serving as both the
    /// IJobStore and the IJobChangeFeed. The schema is brought up to date when the store is first resolved;
    /// an unreachable server then throws StoreUnavailableException, a missing or malformed connection string
    /// OptionsValidationException.
    /// </summary>
    public static IServiceCollection UsePostgresStore(this IServiceCollection services)
    {
        services.AddOptions<PostgresStoreOptions>();
        services.AddSingleton<IValidateOptions<PostgresStoreOptions>, PostgresStoreOptionsValidator>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PostgresStoreOptions>>().Value;
            var store = new PostgresJobStore(options.ConnectionString, provider.GetService<ILogger<PostgresJobStore>>());
            try
            {
                // A DI factory cannot be async; the host has no synchronization context to deadlock on.
                store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
                return store;
            }
            catch
            {
                store.Dispose();
                throw;
            }
        });
        services.AddSingleton<IJobStore>(provider => provider.GetRequiredService<PostgresJobStore>());
        services.AddSingleton<IJobChangeFeed>(provider => provider.GetRequiredService<PostgresJobStore>());
        return services;
    }

    private sealed class PostgresStoreOptionsValidator : IValidateOptions<PostgresStoreOptions>
    {
        private const string Setting = "Meridian:Store:ConnectionString (Meridian__Store__ConnectionString in the environment)";

        public ValidateOptionsResult Validate(string? name, PostgresStoreOptions options)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                return ValidateOptionsResult.Fail(
                    $"{Setting} must be set when Meridian:Store:Provider is postgres, e.g. Host=db.example.org;Database=meridian;Username=meridian;Password=…");
            }

            try
            {
                _ = PostgresConnections.WithDefaults(options.ConnectionString);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                return ValidateOptionsResult.Fail($"{Setting} is not a valid PostgreSQL connection string: {exception.Message}");
            }
        }
    }
}
