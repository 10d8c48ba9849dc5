// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Reconstruction;

/// <summary>
/// The square pixel grid of the reconstruction: N pixels a side, CDELT1/CDELT2 in radians (CDELT1 usually negative:
/// East to the left), centred on the phase centre. Column i is at α = (i - (N-1)/2) CDELT1, row j at δ = (j - (N-1)/2) CDELT2.
/// </summary>
internal sealed record ImageGrid(int N, double Cdelt1, double Cdelt2)
{
    public const double MasToRadians = Math.PI / 180 / 3600 / 1000;
    private const double DegreesToRadians = Math.PI / 180;

    public double Centre => (N - 1) / 2.0;

    public double[] Alpha => Enumerable.Range(0, N).Select(i => (i - Centre) * Cdelt1).ToArray();

    public double[] Delta => Enumerable.Range(0, N).Select(j => (j - Centre) * Cdelt2).ToArray();

    public double PixelMas => Math.Abs(Cdelt2) / MasToRadians;

    /// <summary>The grid of a start image: its size and its CDELT (in CUNIT, degrees by default).</summary>
    public static ImageGrid FromImage(FitsImage image, string what)
    {
        if (image.Axes.Count < 2 || image.Width != image.Height || image.Width < 8 || image.Axes.Skip(2).Any(a => a != 1))
        {
            throw new InputException($"{what} must be a square image of at least 8x8 pixels (it is {string.Join('x', image.Axes)})");
        }

        var cdelt1 = image.Header.GetDouble("CDELT1");
        var cdelt2 = image.Header.GetDouble("CDELT2");
        if (cdelt1 is not { } c1 || cdelt2 is not { } c2 || c1 == 0 || c2 == 0)
        {
            throw new InputException($"{what} has no pixel scale (CDELT1 and CDELT2)");
        }

        return new ImageGrid(image.Width, c1 * Unit(image.Header.GetString("CUNIT1"), what), c2 * Unit(image.Header.GetString("CUNIT2"), what));
    }

    private static double Unit(string? unit, string what) => (unit ?? "deg").Trim().ToLowerInvariant() switch
    {
        "deg" or "" => DegreesToRadians,
        "arcsec" => DegreesToRadians / 3600,
        "mas" => MasToRadians,
        "rad" => 1,
        var other => throw new InputException($"{what}: CUNIT '{other}' is not an angle unit this code reads (deg, arcsec, mas, rad)"),
    };

    /// <summary>A centred circular Gaussian of unit flux, the start image when the input names none.</summary>
    public double[] Gaussian(double fwhmPixels)
    {
        var sigma = fwhmPixels / (2 * Math.Sqrt(2 * Math.Log(2)));
        var image = new double[N * N];
        for (var j = 0; j < N; j++)
        {
            for (var i = 0; i < N; i++)
            {
                var r2 = ((i - Centre) * (i - Centre)) + ((j - Centre) * (j - Centre));
                image[(j * N) + i] = Math.Exp(-r2 / (2 * sigma * sigma));
            }
        }

        return image;
    }
}

/// <summary>An input the reconstruction cannot run on: the program logs the reason and exits 1.</summary>
internal sealed class InputException(string message) : Exception(message);
