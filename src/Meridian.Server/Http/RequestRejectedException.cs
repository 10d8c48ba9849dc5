// SPDX-License-Identifier: MIT
namespace Meridian.Server.Http;

/// <summary>A request that cannot be served as sent; answered with its status code and reason as plain text.</summary>
public sealed class RequestRejectedException(int statusCode, string reason) : Exception(reason)
{
    public int StatusCode { get; } = statusCode;
}
