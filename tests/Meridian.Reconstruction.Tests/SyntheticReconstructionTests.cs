// SPDX-License-Identifier: MIT
using Xunit.Abstractions;

namespace Meridian.Reconstruction.Tests;

/// <summary>Reconstructions of skies made by the test: a binary of known separation and flux ratio, a uniform disk.</summary>
public sealed class SyntheticReconstructionTests(ITestOutputHelper output)
{
    private const int Pixels = 49;
    private const double PixelMas = 0.25;

    [Theory]
    [InlineData("mem")]
    [InlineData("tv")]
    [InlineData("smoothness")]
    public void Binary_PeaksWithinAPixel_FluxRatioWithin20Percent_ReducedChi2Below2(string regulariser)
    {
        // Primary at the phase centre, a companion at half its flux 2 mas East and 1.5 mas South.
        Component[] sky = [new(0, 0, 1), new(2, -1.5, 0.5)];
        using var run = new ReconstructionRun();
        var input = run.InputOf(SyntheticObservation.Create(sky, Pixels, Pixels * PixelMas, regulariser));

        Assert.Equal(0, run.Run(input));

        var (image, result) = run.Result();
        output.WriteLine(run.Log);
        var peaks = ImageMeasures.Peaks(image, apart: 3);
        var (primary, companion) = (peaks[0], peaks[1]);
        // V² and closure phases hold no absolute position: compare positions relative to the primary.
        var (px, py) = ImageMeasures.PixelOf(image, 0, 0);
        var (cx, cy) = ImageMeasures.PixelOf(image, 2, -1.5);
        var (ex, ey) = (cx - px, cy - py);
        var (gx, gy) = (companion.X - primary.X, companion.Y - primary.Y);
        output.WriteLine($"primary at ({primary.X}, {primary.Y}) truth ({px}, {py}); companion offset ({gx}, {gy}) truth ({ex}, {ey})");
        Assert.True(Math.Abs(gx - ex) <= 1 && Math.Abs(gy - ey) <= 1, $"companion offset ({gx}, {gy}) instead of ({ex}, {ey})");
        var ratio = ImageMeasures.FluxWithin(image, companion.X, companion.Y, 2.5) / ImageMeasures.FluxWithin(image, primary.X, primary.Y, 2.5);
        output.WriteLine($"flux ratio {ratio}, reduced chi2 {result.ChiSq}");
        Assert.InRange(ratio, 0.4, 0.6);
        Assert.True(result.ChiSq < 2, $"reduced chi2 {result.ChiSq}");
        Assert.Equal(1, image.Data.Sum(), 4);
        Assert.All(image.Data, v => Assert.True(v >= 0));
    }

    [Theory]
    [InlineData("tv")]
    [InlineData("mem")]
    [InlineData("smoothness")]
    public void UniformDisk_HasItsSizeWithinAPixel_AndReducedChi2Below2(string regulariser)
    {
        const double diameter = 3;
        using var run = new ReconstructionRun();
        var input = run.InputOf(SyntheticObservation.Create(SyntheticObservation.UniformDisk(diameter, 0.05), Pixels, Pixels * PixelMas, regulariser));

        Assert.Equal(0, run.Run(input));

        var (image, result) = run.Result();
        output.WriteLine(run.Log);
        var (x, y) = ImageMeasures.Centroid(image);
        // Half the flux of a uniform disk of radius R lies within R / √2.
        var expected = diameter / 2 / Math.Sqrt(2) / PixelMas;
        var measured = ImageMeasures.HalfFluxRadius(image, x, y);
        output.WriteLine($"half-flux radius {measured} px, truth {expected} px; reduced chi2 {result.ChiSq}");
        Assert.InRange(measured, expected - 1, expected + 1);
        Assert.True(result.ChiSq < 2, $"reduced chi2 {result.ChiSq}");
    }
}
