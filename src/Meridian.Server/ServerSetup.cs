// SPDX-License-Identifier: MIT
using Meridian.Engine;
using Meridian.Engine.Execution;
using Meridian.Execution.Slurm;
using Meridian.Server.Auth;
using Meridian.Server.Limits;
using Meridian.Server.Logging;
using Meridian.Server.Sharing;
using Meridian.Storage.Postgres;
using Meridian.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        builder.Logging.AddBatchedConsole();
        builder.Services.AddOptions<MeridianOptions>().BindConfiguration(MeridianOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMeridianEngine();
        builder.Services.UseSlurmExecutor(builder.Configuration.GetSection("Meridian:Slurm"));
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

        builder.Services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section)
            .Validate(s => s.SignedUrlLifetime > TimeSpan.Zero, "Meridian:Auth:SignedUrlLifetime must be positive.")
            .Validate(s => string.IsNullOrEmpty(s.SignedUrlKey) || (Convert.TryFromBase64String(s.SignedUrlKey, new byte[s.SignedUrlKey.Length], out var n) && n >= 32),
                "Meridian:Auth:SignedUrlKey must be base64 of at least 32 bytes (openssl rand -base64 32).")
            .ValidateOnStart();
        builder.Services.AddSingleton<SignedResultUrls>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<SessionRevocations>();
        AddAuthentication(builder);

        var maxRequestBytes = builder.Configuration.GetValue<long?>("Meridian:MaxRequestBytes") ?? new MeridianOptions().MaxRequestBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBytes);
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = maxRequestBytes);
        builder.AddMeridianLimits();
        return builder;
    }

    // Scripts send an Authorization header (a password, an API token, or an identity provider's JWT); the browser's
    // pages send the session cookie of their sign-in. The scheme "meridian" takes whichever the request has, so the
    // access policy and Caller see one caller.
    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CallerScheme.Name)
            .AddScheme<AuthenticationSchemeOptions, CallerScheme>(CallerScheme.HeaderName, null)
            .AddScheme<CookieAuthenticationOptions, SessionScheme>(SessionScheme.Name, null)
            .AddMeridianJwt()
            .AddPolicyScheme(CallerScheme.Name, null, policy =>
            {
                policy.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count == 0 ? SessionScheme.Name
                    : JwtBearerSetup.Handles(context) ? JwtBearerSetup.Name
                    : CallerScheme.HeaderName;
                policy.ForwardChallenge = CallerScheme.HeaderName;
                policy.ForwardForbid = CallerScheme.HeaderName;
            });
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<CookieAuthenticationOptions>, PostConfigureCookieAuthenticationOptions>());
        // Who may use a service's jobs: the policy on the /uws and /sync route groups.
        builder.Services.AddSingleton<IAuthorizationHandler, ServiceAccess>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ServiceAccess.Policy, policy => policy.AddRequirements(new ServiceAccess.Requirement()));
        builder.Services.AddOptions<CookieAuthenticationOptions>(SessionScheme.Name)
            .Configure<IOptions<AuthSettings>>((cookie, settings) => SessionScheme.Configure(cookie, settings.Value));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = SessionProtection.HeaderName;
            antiforgery.Cookie.Name = "meridian-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Sessions outlive a restart: the keys that sign their cookies are kept with the data.
        var data = builder.Configuration["Meridian:DataDirectory"] ?? new MeridianOptions().DataDirectory;
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(data), "keys")));
    }
}
