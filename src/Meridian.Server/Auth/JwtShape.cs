// SPDX-License-Identifier: MIT
using System.Buffers.Text;
using System.Text.Json;

namespace Meridian.Server.Auth;

/// <summary>
/// What a JWT must look like before its signature is even checked (RFC 7515 and 7519): no "crit" header, since
/// this server understands no critical extension and must refuse a token that demands one; and "exp", "nbf"
/// and "iat" as JSON numbers (NumericDate), never strings that a lenient reader would take anyway.
/// </summary>
public static class JwtShape
{
    private static readonly string[] NumericDates = ["exp", "nbf", "iat"];

    /// <summary>Why the token is refused, or null when its shape is fine (its signature and claims are checked next).</summary>
    public static string? Problem(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        using var header = Parse(parts[0]);
        using var payload = Parse(parts[1]);
        if (header is null || payload is null || header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            return "it cannot be read";
        }

        if (header.RootElement.TryGetProperty("crit", out _))
        {
            return "its header lists critical extensions (crit), which this server does not understand";
        }

        foreach (var name in NumericDates)
        {
            if (payload.RootElement.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Number)
            {
                return $"its '{name}' is not a number of seconds (NumericDate)";
            }
        }

        return null;
    }

    private static JsonDocument? Parse(string part)
    {
        try
        {
            return JsonDocument.Parse(Base64Url.DecodeFromChars(part));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
