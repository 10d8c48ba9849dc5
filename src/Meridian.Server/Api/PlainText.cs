// SPDX-License-Identifier: MIT
namespace Meridian.Server.Api;

/// <summary>Refusals and atomic values as text/plain: one line a person can act on.</summary>
public static class PlainText
{
    public static IResult Status(int statusCode, string reason) =>
        Results.Text(OneLine(reason), "text/plain; charset=utf-8", statusCode: statusCode);

    public static IResult BadRequest(string reason) => Status(StatusCodes.Status400BadRequest, reason);

    public static IResult Forbidden(string reason) => Status(StatusCodes.Status403Forbidden, reason);

    public static IResult NotFound(string reason) => Status(StatusCodes.Status404NotFound, reason);

    public static IResult Value(string? value) => Results.Text(value ?? "", "text/plain; charset=utf-8");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim() + "\n";
}
