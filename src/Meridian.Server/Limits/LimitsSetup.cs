// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Threading.RateLimiting;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Limits;

/// <summary>Quotas per user, the parameter count per request and the request rate per client.</summary>
public static class LimitsSetup
{
    public static WebApplicationBuilder AddMeridianLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuotaSettings>().BindConfiguration(QuotaSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RequestLimitSettings>().BindConfiguration("Meridian").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<QuotaGuard>();
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<RequestLimitSettings>>(
            (form, limits) => form.ValueCountLimit = limits.Value.MaxParameters);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PartitionOf);
            limiter.OnRejected = RefuseAsync;
        });
        return builder;
    }

    /// <summary>After authentication, so that a signed-in user is limited as one client wherever they come from.</summary>
    public static WebApplication UseMeridianLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> PartitionOf(HttpContext context)
    {
        var permits = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.PermitsPerMinute;
        if (permits is not { } limit)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var client = Caller.Of(context).OwnerId is { } owner ? "user:" + owner : "address:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var permits = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.PermitsPerMinute;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await PlainText.Status(StatusCodes.Status429TooManyRequests,
            $"Rate limit Meridian:RateLimit:PermitsPerMinute = {permits} reached for this client; retry after {retryAfter} seconds.").ExecuteAsync(context);
    }
}
