// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;
using Meridian.Formats.OiFits;

namespace Meridian.Reconstruction;

/// <summary>
/// The IMAGE-OI result: every HDU of the input kept in its place, the final image added as an IMAGE extension named
/// by HDUNAME and EXTNAME with a celestial WCS (SIN projection about the target, the grid's pixel scale), and the
/// IMAGE-OI OUTPUT PARAM table replaced (or added) with LAST_IMG, NITER, CHISQ, FLUX and CONVERGE.
/// </summary>
internal static class OutputFile
{
    public const string FinalImageName = "IMAGE-OI FINAL IMAGE";

    public static string Write(
        FitsFile input, double[] image, ImageGrid grid, OiTarget? target, ReconstructionOutcome outcome, int dataCount,
        Regulariser regulariser, double weight, string path)
    {
        var name = UniqueName(input);
        var header = new FitsHeader();
        header.Set("EXTNAME", name);
        header.Set("HDUNAME", name, "name of the image (IMAGE-OI)");
        header.Set("CTYPE1", "RA---SIN", "orthographic projection");
        header.Set("CTYPE2", "DEC--SIN", "orthographic projection");
        header.Set("CRPIX1", grid.Centre + 1, "the image centre is the phase centre");
        header.Set("CRPIX2", grid.Centre + 1, "the image centre is the phase centre");
        header.Set("CRVAL1", target?.RaDeg ?? 0.0, target is null ? "no target position known" : "target RA (deg)");
        header.Set("CRVAL2", target?.DecDeg ?? 0.0, target is null ? "no target position known" : "target DEC (deg)");
        header.Set("CDELT1", grid.Cdelt1 * 180 / Math.PI, "pixel scale along RA (deg)");
        header.Set("CDELT2", grid.Cdelt2 * 180 / Math.PI, "pixel scale along DEC (deg)");
        header.Set("CUNIT1", "deg");
        header.Set("CUNIT2", "deg");
        header.Set("ORIGIN", "meridian-reconstruct", "a small teaching reconstruction code");
        var final = new FitsImage(-32, [grid.N, grid.N], image, header);

        var reducedChi2 = dataCount > 0 ? outcome.Value.ChiSquare / dataCount : 0;
        var output = new ImageOiOutputParam(name, outcome.Iterations, reducedChi2, image.Sum(), outcome.Converged).ToTable([
            FitsCard.Create("RGL_NAME", FitsCard.QuoteString(regulariser.Name), "regulariser used"),
            FitsCard.Create("RGL_WGT", FitsCard.FormatDouble(weight), "its weight"),
            FitsCard.Create("NDATA", dataCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "number of data fitted"),
            FitsCard.Create("CHISQ0", FitsCard.FormatDouble(dataCount > 0 ? outcome.Start.ChiSquare / dataCount : 0), "reduced chi-square of the start image"),
        ]);

        var hdus = input.Hdus.Where(h => !h.IsNamed(ImageOiOutputParam.ExtName)).ToList();
        var at = input.Hdus.FindIndex(h => h.IsNamed(ImageOiOutputParam.ExtName));
        hdus.Insert(at < 0 ? hdus.Count : at, output);
        hdus.Add(final);
        var file = new FitsFile(hdus);
        var temporary = path + ".part";
        file.Write(temporary);
        // Written whole then renamed: a client never downloads half a file.
        File.Move(temporary, path, overwrite: true);
        return name;
    }

    private static string UniqueName(FitsFile input)
    {
        var name = FinalImageName;
        for (var i = 2; input.Find(name) is not null; i++)
        {
            name = $"{FinalImageName} {i}";
        }

        return name;
    }
}
