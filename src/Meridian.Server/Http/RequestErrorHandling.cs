// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Meridian.Engine.Storage;

namespace Meridian.Server.Http;

/// <summary>
/// Turns what a client got wrong (a body too large, a malformed request, a rejected request) into a
/// 4xx with a one-line reason; only Meridian's own failures become 500, and those are logged.
/// </summary>
public sealed partial class RequestErrorHandling(RequestDelegate next, ILogger<RequestErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted && Classify(exception) is { } refusal)
        {
            context.Response.Clear();
            if (refusal.Status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }
            else if (refusal.Status == StatusCodes.Status507InsufficientStorage)
            {
                context.Response.Headers.RetryAfter = "60";
            }

            await PlainText.Status(refusal.Status, refusal.Reason).ExecuteAsync(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogFailure(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await PlainText.Status(StatusCodes.Status500InternalServerError, "Meridian failed to handle this request; the failure is in its log.").ExecuteAsync(context);
        }
    }

    private static (int Status, string Reason)? Classify(Exception exception) => exception switch
    {
        RequestRejectedException rejected => (rejected.StatusCode, rejected.Message),
        _ when DiskFull.Is(exception) => (StatusCodes.Status507InsufficientStorage,
            $"Nothing was stored: {DiskFull.Reason}. Try again later, or ask the operator to free space."),
        StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable,
            "The job database cannot be reached right now; running jobs go on. Try again in a few seconds."),
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this server accepts."
            : $"Malformed request: {bad.Message}"),
        IOException io when io.InnerException is BadHttpRequestException inner => (inner.StatusCode, $"Malformed request: {inner.Message}"),
        _ => null,
    };

    [LoggerMessage(1, LogLevel.Error, "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path);
}
