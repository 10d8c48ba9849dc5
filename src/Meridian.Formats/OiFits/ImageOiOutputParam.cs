// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Formats.OiFits;

/// <summary>What a reconstruction reports in the header of the table "IMAGE-OI OUTPUT PARAM".</summary>
public sealed record ImageOiOutputParam(string LastImg, int NIter, double ChiSq, double Flux, bool Converge)
{
    public const string ExtName = "IMAGE-OI OUTPUT PARAM";

    /// <summary>An empty table (no columns, no rows) whose header carries the results, as IMAGE-OI defines it.</summary>
    public FitsBinaryTable ToTable(IEnumerable<FitsCard>? extraCards = null)
    {
        var header = new FitsHeader();
        header.Set("LAST_IMG", LastImg, "name of the last image (HDUNAME)");
        header.Set("NITER", (long)NIter, "number of iterations run");
        header.Set("CHISQ", ChiSq, "reduced chi-square of the last image");
        header.Set("FLUX", Flux, "total flux of the last image");
        header.Set("CONVERGE", Converge, "whether the convergence criterion was met");
        foreach (var card in extraCards ?? [])
        {
            header.Put(card);
        }

        return FitsBinaryTable.Create(ExtName, [], 0, header);
    }

    public static ImageOiOutputParam? Read(FitsFile file)
    {
        var header = file.Find<FitsBinaryTable>(ExtName)?.Header;
        if (header?.GetString("LAST_IMG") is not { } lastImg)
        {
            return null;
        }

        return new ImageOiOutputParam(
            lastImg, (int)(header.GetLong("NITER") ?? 0), header.GetDouble("CHISQ") ?? double.NaN,
            header.GetDouble("FLUX") ?? double.NaN, header.GetBool("CONVERGE") ?? false);
    }
}
