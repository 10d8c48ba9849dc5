// SPDX-License-Identifier: MIT
namespace Meridian.Server.Sync;

/// <summary>
/// A synchronous job still running when the wait cap runs out: 303 to the job, which goes on, with a line
/// saying so. A client follows it with WAIT as for any async job.
/// </summary>
public sealed class StillRunning(string jobUrl, int waitedSeconds) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = jobUrl;
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        return httpContext.Response.WriteAsync(
            $"The job is still running after {waitedSeconds} s (the server's MaxWaitSeconds); follow it at {jobUrl}\n", httpContext.RequestAborted);
    }
}
