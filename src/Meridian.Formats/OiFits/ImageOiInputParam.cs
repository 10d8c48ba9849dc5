// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Formats.OiFits;

/// <summary>
/// The reconstruction settings of the IMAGE-OI interface (github.com/emmt/OI-Imaging-JRA): the keywords of the
/// header of the table "IMAGE-OI INPUT PARAM". Keywords of a particular code (FOV, NP_MIN …) stay in <see cref="Header"/>.
/// </summary>
public sealed record ImageOiInputParam(
    FitsHeader Header, string? Target, double? WaveMin, double? WaveMax, bool UseVis, bool UseVis2, bool UseT3,
    string? InitImg, int? MaxIter, string? RglName, double? RglWgt, string? RglPrio, double? Flux, double? FluxErr)
{
    public const string ExtName = "IMAGE-OI INPUT PARAM";

    public static ImageOiInputParam? Read(FitsFile file) =>
        file.Find<FitsBinaryTable>(ExtName) is { } table ? FromHeader(table.Header) : null;

    public static ImageOiInputParam FromHeader(FitsHeader header) => new(
        header,
        NonEmpty(header.GetString("TARGET")),
        header.GetDouble("WAVE_MIN"),
        header.GetDouble("WAVE_MAX"),
        header.GetBool("USE_VIS") ?? false,
        header.GetBool("USE_VIS2") ?? true,
        header.GetBool("USE_T3") ?? true,
        NonEmpty(header.GetString("INIT_IMG")),
        header.GetLong("MAXITER") is { } maxIter ? (int)Math.Clamp(maxIter, -1, int.MaxValue) : null,
        NonEmpty(header.GetString("RGL_NAME")),
        header.GetDouble("RGL_WGT"),
        NonEmpty(header.GetString("RGL_PRIO")),
        header.GetDouble("FLUX"),
        header.GetDouble("FLUXERR"));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
