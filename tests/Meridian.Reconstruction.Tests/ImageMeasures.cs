// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Reconstruction.Tests;

/// <summary>Measures of a result image, in the sky coordinates of its own WCS.</summary>
public static class ImageMeasures
{
    /// <summary>The pixel (column, row) of a sky offset East and North of the reference point (mas), by the image's CRPIX/CDELT.</summary>
    public static (double X, double Y) PixelOf(FitsImage image, double eastMas, double northMas)
    {
        var masPerDegree = 3600e3;
        var x = image.Header.GetDouble("CRPIX1")!.Value - 1 + (eastMas / (image.Header.GetDouble("CDELT1")!.Value * masPerDegree));
        var y = image.Header.GetDouble("CRPIX2")!.Value - 1 + (northMas / (image.Header.GetDouble("CDELT2")!.Value * masPerDegree));
        return (x, y);
    }

    /// <summary>Local maxima, brightest first, at least <paramref name="apart"/> pixels from a brighter one.</summary>
    public static List<(int X, int Y, double Value)> Peaks(FitsImage image, double apart)
    {
        var peaks = new List<(int X, int Y, double Value)>();
        var candidates = Enumerable.Range(0, image.Data.Length).OrderByDescending(p => image.Data[p]);
        foreach (var p in candidates)
        {
            var (x, y) = (p % image.Width, p / image.Width);
            if (peaks.All(q => Math.Sqrt(((q.X - x) * (q.X - x)) + ((q.Y - y) * (q.Y - y))) >= apart))
            {
                peaks.Add((x, y, image.Data[p]));
            }

            if (peaks.Count == 4)
            {
                break;
            }
        }

        return peaks;
    }

    public static double FluxWithin(FitsImage image, double cx, double cy, double radius) =>
        Enumerable.Range(0, image.Data.Length)
            .Where(p => Math.Pow((p % image.Width) - cx, 2) + Math.Pow((p / image.Width) - cy, 2) <= radius * radius)
            .Sum(p => image.Data[p]);

    /// <summary>The radius about (cx, cy) holding half of the image's flux.</summary>
    public static double HalfFluxRadius(FitsImage image, double cx, double cy)
    {
        var total = image.Data.Sum();
        var byDistance = Enumerable.Range(0, image.Data.Length)
            .Select(p => (R: Math.Sqrt(Math.Pow((p % image.Width) - cx, 2) + Math.Pow((p / image.Width) - cy, 2)), V: image.Data[p]))
            .OrderBy(e => e.R);
        double sum = 0;
        foreach (var (r, v) in byDistance)
        {
            sum += v;
            if (sum >= total / 2)
            {
                return r;
            }
        }

        return double.NaN;
    }

    public static (double X, double Y) Centroid(FitsImage image)
    {
        var total = image.Data.Sum();
        var x = Enumerable.Range(0, image.Data.Length).Sum(p => (p % image.Width) * image.Data[p]) / total;
        var y = Enumerable.Range(0, image.Data.Length).Sum(p => (p / image.Width) * image.Data[p]) / total;
        return (x, y);
    }
}
