// SPDX-License-Identifier: MIT
using Meridian.Server.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Proxy;

/// <summary>
/// Forwarded headers from trusted proxies only, then the path base: everything after sees the client's real
/// address (the rate limiter, the audit log) and writes URLs as the client sees them (scheme, host, prefix).
/// </summary>
public static class ProxySetup
{
    public static WebApplicationBuilder AddMeridianProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxySettings>().BindConfiguration(ProxySettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProxySettings>, ProxySettingsValidation>();

        // PostConfigure, so that it also governs the middleware that ASPNETCORE_FORWARDEDHEADERS_ENABLED adds:
        // that switch alone would believe every sender; here only the configured proxies are believed.
        builder.Services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxySettings>>((forwarded, settings) =>
        {
            var trusted = settings.Value.TrustedNetworks();
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in trusted)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // With no proxy named the middleware would believe anyone (an empty list means "no check"): believe no one.
            forwarded.ForwardedHeaders = trusted.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            // A chain of trusted proxies is walked back to the first sender that is not one of them.
            forwarded.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline.</summary>
    public static WebApplication UseMeridianProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var pathBase = app.Services.GetRequiredService<IOptions<ProxySettings>>().Value.PathBase;
        if (pathBase.Length > 0)
        {
            app.Use((context, next) => ServeUnder(context, next, new PathString(pathBase)));
        }

        return app;
    }

    private static Task ServeUnder(HttpContext context, RequestDelegate next, PathString pathBase)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(pathBase, StringComparison.Ordinal, out var matched, out var remaining))
        {
            request.PathBase = request.PathBase.Add(matched);
            request.Path = remaining.HasValue ? remaining : new PathString("/");
            return next(context);
        }

        // A proxy that strips the prefix says so with X-Forwarded-Prefix (already in PathBase when it is trusted).
        if (request.PathBase.HasValue)
        {
            return next(context);
        }

        return PlainText.Status(StatusCodes.Status404NotFound,
            $"This server is served under {pathBase}: ask for {pathBase}{request.Path} instead.").ExecuteAsync(context);
    }
}
