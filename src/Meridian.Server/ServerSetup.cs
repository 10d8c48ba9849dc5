// SPDX-License-Identifier: MIT
using Meridian.Engine;
using Meridian.Storage.Postgres;
using Meridian.Storage.Sqlite;
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Server;

/// <summary>The server's configuration: options, the engine, the store chosen by Meridian:Store:Provider, request limits.</summary>
public static class ServerSetup
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static WebApplicationBuilder AddMeridian(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Per-request framework logs would drown the jobs' own lines; Logging__LogLevel__Microsoft.AspNetCore restores them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddOptions<MeridianOptions>().BindConfiguration(MeridianOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMeridianEngine();
        var provider = builder.Configuration["Meridian:Store:Provider"] ?? "sqlite";
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                builder.Services.AddOptions<SqliteStoreOptions>().BindConfiguration("Meridian:Store");
                builder.Services.UseSqliteStore();
                break;
            case "postgres":
                builder.Services.AddOptions<PostgresStoreOptions>().BindConfiguration(PostgresStoreOptions.Section);
                builder.Services.UsePostgresStore();
                break;
            default:
                throw new InvalidOperationException($"Meridian:Store:Provider '{provider}' is not known (use sqlite or postgres).");
        }

        var maxRequestBytes = builder.Configuration.GetValue<long?>("Meridian:MaxRequestBytes") ?? new MeridianOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBytes);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxRequestBytes);
        return builder;
    }
}
