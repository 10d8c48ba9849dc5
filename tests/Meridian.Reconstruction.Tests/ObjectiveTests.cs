// SPDX-License-Identifier: MIT
using Meridian.Formats.OiFits;

namespace Meridian.Reconstruction.Tests;

/// <summary>The objective's analytic gradient against finite differences, for every data type and regulariser.</summary>
public sealed class ObjectiveTests
{
    [Theory]
    [InlineData("mem")]
    [InlineData("tv")]
    [InlineData("smoothness")]
    public void Gradient_MatchesFiniteDifferences(string name)
    {
        var file = SyntheticObservation.Create([new(0, 0, 1), new(1, -0.5, 0.4)], 12, 6, name);
        var observed = ObservedData.Select(OiFitsData.Read(file), 1, new ReconstructionSettings { WaveMin = 1.5e-6, WaveMax = 1.8e-6 });
        observed.Vis.Add(new VisPoint(0, 0.8, 0.05, 0.3, 0.1));
        var grid = new ImageGrid(12, -0.5 * ImageGrid.MasToRadians, 0.5 * ImageGrid.MasToRadians);
        var regulariser = Regulariser.FromName(name, out _)!;
        var objective = new Objective(new FourierTransform(observed.Frequencies, grid.Alpha, grid.Delta), new ChiSquare(observed), regulariser, 3, 12);
        var random = new Random(3);
        var x = Enumerable.Range(0, 144).Select(_ => 0.2 + random.NextDouble()).ToArray();
        var gradient = new double[144];
        objective.Evaluate(x, gradient);
        var scratch = new double[144];

        foreach (var p in new[] { 0, 17, 70, 143 })
        {
            const double h = 1e-6;
            var plus = (double[])x.Clone();
            var minus = (double[])x.Clone();
            plus[p] += h;
            minus[p] -= h;
            var numeric = (objective.Evaluate(plus, scratch).Total - objective.Evaluate(minus, scratch).Total) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[p]) <= 1e-4 * Math.Max(1, Math.Abs(numeric)), $"pixel {p}: analytic {gradient[p]}, numeric {numeric}");
        }
    }
}
