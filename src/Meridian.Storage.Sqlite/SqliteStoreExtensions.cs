// SPDX-License-Identifier: MIT
using Meridian.Engine;
using Meridian.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meridian.Storage.Sqlite;

public static class SqliteStoreExtensions
{
    /// <summary>Keeps jobs in a SQLite file: SqliteStoreOptions.Path, or meridian.db in the data directory.</summary>
    public static IServiceCollection UseSqliteStore(this IServiceCollection services)
    {
        services.AddSingleton<IJobStore>(provider =>
        {
            var path = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Path;
            if (string.IsNullOrWhiteSpace(path))
            {
                path = System.IO.Path.Combine(provider.GetRequiredService<IOptions<MeridianOptions>>().Value.DataDirectory, "meridian.db");
            }

            return new SqliteJobStore(path);
        });
        return services;
    }
}
