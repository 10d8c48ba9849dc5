// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Protocol;

/// <summary>UWS instants: ISO 8601, always written in UTC with the Z designator (U42).</summary>
public static class UwsTime
{
    /// <summary>The characters of every instant written: yyyy-MM-ddTHH:mm:ss.fffZ.</summary>
    public const int Length = 24;

    public static string Format(DateTimeOffset instant) => string.Create(Length, instant, static (text, at) => Format(at, text));

    /// <summary>
    /// The same text written into <paramref name="destination"/>, for writers that make many (a job list writes one a
    /// row): digit by digit, since a custom format string is parsed again at every call.
    /// </summary>
    public static int Format(DateTimeOffset instant, Span<char> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException("too short for an instant", nameof(destination));
        }

        var utc = instant.UtcDateTime;
        utc.Deconstruct(out int year, out int month, out int day);
        Digits(destination[..4], year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = 'T';
        Digits(destination.Slice(11, 2), utc.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), utc.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), utc.Second);
        destination[19] = '.';
        Digits(destination.Slice(20, 3), utc.Millisecond);
        destination[23] = 'Z';
        return Length;
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

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
