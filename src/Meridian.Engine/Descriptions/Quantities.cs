// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Engine.Descriptions;

/// <summary>Durations (90, 90s, 10m, 2h, 7d) and sizes (512, 10KB, 10MB, 1GB; KiB forms too) as definitions write them.</summary>
public static partial class Quantities
{
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var seconds = amount * (match.Groups[2].Value.ToLowerInvariant() switch
        {
            "m" or "min" => 60,
            "h" => 3600,
            "d" => 86_400,
            _ => 1,
        });
        if (seconds > int.MaxValue)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(Math.Round(seconds));
        return true;
    }

    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var unit = match.Groups[2].Value.ToUpperInvariant();
        double scale = unit switch
        {
            "KB" or "K" => 1e3,
            "MB" or "M" => 1e6,
            "GB" or "G" => 1e9,
            "KIB" => 1024,
            "MIB" => 1024 * 1024,
            "GIB" => 1024.0 * 1024 * 1024,
            _ => 1,
        };
        bytes = (long)Math.Round(amount * scale);
        return true;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|K|KB|M|MB|G|GB|KiB|MiB|GiB)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
