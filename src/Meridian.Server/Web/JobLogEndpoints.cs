// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using System.Text;
using Meridian.Engine.Lifecycle;
using Meridian.Server.Api;
using Meridian.Server.Http;

namespace Meridian.Server.Web;

/// <summary>
/// GET {job}/log/stdout and {job}/log/stderr: the end of a job's output stream, also while it runs (the streams
/// become results only when the job ends), for its owner only. The job page follows a running job's logs with it.
/// </summary>
public static class JobLogEndpoints
{
    private const int DefaultTail = 16 * 1024;
    private const int MaxTail = 1024 * 1024;

    public static IEndpointRouteBuilder MapJobLogs(this IEndpointRouteBuilder app)
    {
        app.MapJobGroup().MapGet("/log/{stream}", GetTailAsync);
        return app;
    }

    public static async Task<IResult> GetTailAsync(string service, string jobId, string stream, HttpContext context, JobManager manager)
    {
        var (_, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        var workspace = manager.Workspace(job.Id);
        var path = stream switch
        {
            "stdout" => workspace.Stdout,
            "stderr" => workspace.Stderr,
            _ => throw new RequestRejectedException(StatusCodes.Status404NotFound, $"A job has the logs stdout and stderr, not '{stream}'."),
        };
        var tail = ReadTail(context.Request.Query["tail"]);
        var (size, text) = await ReadEndAsync(path, tail, context.RequestAborted);
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Json(new { stream, size, truncated = size > tail, text }, JsonSerializerOptions.Web);
    }

    private static int ReadTail(string? text) =>
        string.IsNullOrEmpty(text) ? DefaultTail
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tail) && tail is > 0 and <= MaxTail ? tail
        : throw new RequestRejectedException(StatusCodes.Status400BadRequest, $"tail: '{text}' is not a number of bytes from 1 to {MaxTail}.");

    // The last bytes of a file another process may still be writing; a cut line at the start is left out.
    private static async Task<(long Size, string Text)> ReadEndAsync(string path, int tail, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return (0, "");
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        var size = file.Length;
        var start = Math.Max(0, size - tail);
        file.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[size - start];
        var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        if (start > 0 && text.IndexOf('\n', StringComparison.Ordinal) is var newline and >= 0)
        {
            text = text[(newline + 1)..];
        }

        return (size, text);
    }
}
