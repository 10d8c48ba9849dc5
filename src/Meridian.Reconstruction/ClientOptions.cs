// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Reconstruction;

/// <summary>
/// The option string an OImaging client sends for BSMEM, MiRA, SPARCO or WISARD ("cliOptions"). The options these
/// codes share and this one understands are taken (-maxiter=N, -regul=NAME or -rgl=NAME, -mu=W, -fov=V[mas],
/// -npix=N or -pixels=N); every other word is logged as ignored. The string is only ever read as words, never run.
/// </summary>
internal static class ClientOptions
{
    public static ReconstructionSettings Apply(string? options, ReconstructionSettings settings, Action<string> log)
    {
        if (string.IsNullOrWhiteSpace(options))
        {
            return settings;
        }

        foreach (var word in options.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? word : word[..equals]).TrimStart('-').ToLowerInvariant();
            var value = equals < 0 ? null : word[(equals + 1)..];
            var applied = (name, value) switch
            {
                ("maxiter", not null) when Integer(value) is { } n && n >= 0 => settings with { MaxIter = n },
                ("regul" or "rgl" or "rgl_name", not null) => settings with { Regulariser = value },
                ("mu" or "rgl_wgt", not null) when Real(value) is { } mu && mu >= 0 => settings with { Weight = mu },
                ("fov", not null) when Real(value.Replace("mas", "", StringComparison.OrdinalIgnoreCase)) is { } fov && fov > 0 => settings with { FovMas = fov },
                ("npix" or "pixels", not null) when Integer(value) is { } n && n is >= 8 and <= 512 => settings with { Pixels = n },
                _ => null,
            };
            if (applied is null)
            {
                log($"cliOptions: '{word}' is not an option of this code; ignored");
            }
            else
            {
                log($"cliOptions: {word} applied");
                settings = applied;
            }
        }

        return settings;
    }

    private static int? Integer(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Real(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
