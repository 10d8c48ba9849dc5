// SPDX-License-Identifier: MIT
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Http;

/// <summary>Refusals and atomic values as text/plain: one line a person can act on.</summary>
public static class PlainText
{
    public static ContentHttpResult Status(int statusCode, string reason) =>
        TypedResults.Text(OneLine(reason), "text/plain; charset=utf-8", statusCode: statusCode);

    public static ContentHttpResult BadRequest(string reason) => Status(StatusCodes.Status400BadRequest, reason);

    public static ContentHttpResult Forbidden(string reason) => Status(StatusCodes.Status403Forbidden, reason);

    public static ContentHttpResult NotFound(string reason) => Status(StatusCodes.Status404NotFound, reason);

    public static ContentHttpResult Value(string? value) => TypedResults.Text(value ?? "", "text/plain; charset=utf-8");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim() + "\n";
}
