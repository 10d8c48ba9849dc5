// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Protocol;

/// <summary>UWS instants: ISO 8601, always written in UTC with the Z designator (U42).</summary>
public static class UwsTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>The same text written into <paramref name="destination"/> (24 characters), for writers that make many.</summary>
    public static int Format(DateTimeOffset instant, Span<char> destination) =>
        instant.UtcDateTime.TryFormat(destination, out var written, Pattern, CultureInfo.InvariantCulture)
            ? written : throw new ArgumentException("too short for an instant", nameof(destination));

    /// <summary>Accepts any ISO 8601 instant with a time; one without an offset is taken as UTC.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text) || !text.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }

        return DateTimeOffset.TryParse(
            text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }
}
