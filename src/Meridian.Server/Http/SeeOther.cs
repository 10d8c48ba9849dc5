// SPDX-License-Identifier: MIT
namespace Meridian.Server.Http;

/// <summary>303 See Other: the answer UWS gives to every state-changing request (U05).</summary>
public sealed class SeeOther(string location) : IResult
{
    public string Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
