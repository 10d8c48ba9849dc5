// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine;
using Meridian.Engine.Execution;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Api;

/// <summary>
/// POST /executions/{jobId}/started and /ended: a batch job's script reporting to the server. The body is
/// the job's secret; anything else is refused with 403, whether the job exists or not.
/// </summary>
public static class ExecutionCallbackEndpoints
{
    /// <summary>A secret is 64 hexadecimal characters; nothing longer is read.</summary>
    private const int MaxBodyBytes = 256;

    public static IEndpointRouteBuilder MapExecutionCallbacks(this IEndpointRouteBuilder app)
    {
        app.MapPost(ExecutionCallback.RoutePrefix + "/{jobId}/{callbackEvent}", async (
            string jobId, string callbackEvent, HttpContext context, ExecutionReports reports, CancellationToken cancellationToken) =>
        {
            var what = callbackEvent switch
            {
                "started" => ExecutionCallbackEvent.Started,
                "ended" => ExecutionCallbackEvent.Ended,
                _ => (ExecutionCallbackEvent?)null,
            };
            if (what is null)
            {
                return PlainText.Status(StatusCodes.Status404NotFound, $"No report '{callbackEvent}': a job reports 'started' or 'ended'.");
            }

            var secret = await ReadBodyAsync(context.Request, cancellationToken);
            var query = context.Request.Query;
            int? exitCode = int.TryParse(query["exit"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code) ? code : null;
            var handle = query["handle"].ToString();
            return secret is not null && await reports.ReceiveAsync(jobId, what.Value, handle.Length > 0 ? handle : null, exitCode, secret, cancellationToken)
                ? Results.NoContent()
                : PlainText.Status(StatusCodes.Status403Forbidden, "This report does not carry the job's secret.");
        });
        return app;
    }

    /// <summary>
    /// Batch jobs report to Meridian:CallbackUrl; when it is not set, to the address this server listens on
    /// (its first one, a wildcard host replaced by the machine's name), known once it has started.
    /// </summary>
    public static void UseListeningAddressForCallbacks(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var options = app.Services.GetRequiredService<IOptions<MeridianOptions>>().Value;
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (string.IsNullOrEmpty(options.CallbackUrl) && address is not null)
            {
                // Under a path base the server answers nothing outside it, the reports included.
                options.CallbackUrl = Reachable(address) + app.Services.GetRequiredService<IOptions<Proxy.ProxySettings>>().Value.PathBase;
            }
        });
    }

    private static string Reachable(string address)
    {
        var uri = new Uri(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? Environment.MachineName : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.ToString().TrimEnd('/');
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        return read is 0 or > MaxBodyBytes ? null : buffer[..read];
    }
}
