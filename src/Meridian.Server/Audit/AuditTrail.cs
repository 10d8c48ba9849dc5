// SPDX-License-Identifier: MIT
using Meridian.Server.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Server.Audit;

/// <summary>
/// Writes the audit log from the requests that changed a job, once they succeeded (the UWS binding answers
/// every change with 303; a synchronous run names its job in a Link header). It reads the form the endpoint
/// already read, never the body again, and keeps no header: credentials cannot reach the log.
/// </summary>
public sealed class AuditTrail(RequestDelegate next, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger(AuditLog.Category);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || !_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        var status = context.Response.StatusCode;
        var form = context.Features.Get<IFormFeature>()?.Form;
        var phase = form?["PHASE"].ToString().ToUpperInvariant();
        var method = context.Request.Method;
        switch (segments)
        {
            case ["uws", var service] when HttpMethods.IsPost(method) && status == StatusCodes.Status303SeeOther:
                var created = LastSegment(context.Response.Headers.Location.ToString());
                Write(context, "created", created, service);
                if (phase == "RUN")
                {
                    Write(context, "ran", created, service);
                }

                break;
            case ["uws", var service, var jobId] when HttpMethods.IsDelete(method) && status == StatusCodes.Status303SeeOther:
                Write(context, "deleted", jobId, service);
                break;
            case ["uws", var service, var jobId] when HttpMethods.IsPost(method) && status == StatusCodes.Status303SeeOther:
                if (string.Equals(form?["ACTION"].ToString(), "DELETE", StringComparison.OrdinalIgnoreCase))
                {
                    Write(context, "deleted", jobId, service);
                }
                else
                {
                    WritePhase(context, phase, jobId, service);
                }

                break;
            case ["uws", var service, var jobId, "phase"] when HttpMethods.IsPost(method) && status == StatusCodes.Status303SeeOther:
                WritePhase(context, phase, jobId, service);
                break;
            case ["sync", var service] when context.Response.Headers.Link.ToString() is { Length: > 0 } link:
                var job = LastSegment(link.Split('>')[0]);
                Write(context, "created", job, service);
                Write(context, "ran", job, service);
                break;
        }
    }

    private void WritePhase(HttpContext context, string? phase, string jobId, string service)
    {
        if (phase is "RUN" or "ABORT")
        {
            Write(context, phase == "RUN" ? "ran" : "aborted", jobId, service);
        }
    }

    private void Write(HttpContext context, string action, string jobId, string service) =>
        AuditLog.JobAction(_logger, Caller.Of(context).OwnerId ?? "anonymous", action, jobId, service,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string LastSegment(string url) => url.TrimEnd('/').Split('/')[^1];
}
