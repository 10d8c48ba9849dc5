// SPDX-License-Identifier: MIT
using System.Numerics;
using Meridian.Formats.Fits;
using Meridian.Formats.OiFits;

namespace Meridian.Reconstruction.Tests;

/// <summary>A point-like component of a known sky: its East and North offsets (mas) and its flux.</summary>
public sealed record Component(double EastMas, double NorthMas, double Flux);

/// <summary>
/// OIFITS data of a known sky, computed here independently of the code under test: seven stations (one 22 m from another, so the short baselines see the total flux) whose baselines
/// turn with the hour angle, two channels, V² and closure phases (errors growing as the fringes fade) from the exact sum
/// V = Σ f exp(-2πi (u α + v δ)) / Σ f, with Gaussian noise of a fixed seed and the errors written with it.
/// </summary>
public static class SyntheticObservation
{
    private const double MasToRadians = Math.PI / 180 / 3600 / 1000;
    private static readonly (double E, double N)[] Stations = [(0, 0), (12, 18), (92, 31), (-60, 148), (210, -95), (35, 260), (-170, -40)];
    private static readonly double[] Wavelengths = [1.6e-6, 1.7e-6];

    public static FitsFile Create(IReadOnlyList<Component> sky, int pixels, double fovMas, string regulariser, double? weight = null, int maxIter = 300, int seed = 1)
    {
        var random = new Random(seed);
        var total = sky.Sum(c => c.Flux);
        Complex Visibility(double u, double v, double lambda) => sky.Aggregate(Complex.Zero, (sum, c) =>
            sum + (c.Flux / total * Complex.Exp(-2 * Math.PI * Complex.ImaginaryOne * (((u / lambda) * c.EastMas * MasToRadians) + ((v / lambda) * c.NorthMas * MasToRadians)))));
        double Noise(double sigma) => sigma * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        var vis2 = new List<OiVis2Row>();
        var t3 = new List<OiT3Row>();
        for (var hour = 0; hour < 8; hour++)
        {
            var angle = hour * 0.35;
            (double U, double V) Baseline(int a, int b)
            {
                var (e, n) = (Stations[b].E - Stations[a].E, Stations[b].N - Stations[a].N);
                return ((e * Math.Cos(angle)) - (n * Math.Sin(angle)), 0.8 * ((e * Math.Sin(angle)) + (n * Math.Cos(angle))));
            }

            for (var a = 0; a < Stations.Length; a++)
            {
                for (var b = a + 1; b < Stations.Length; b++)
                {
                    var (u, v) = Baseline(a, b);
                    var values = Wavelengths.Select(l => Visibility(u, v, l)).Select(c => (c.Magnitude * c.Magnitude)).ToArray();
                    var errors = values.Select(x => 0.004 + (0.03 * x)).ToArray();
                    vis2.Add(new OiVis2Row(1, 60000 + (hour / 24.0), u, v, values.Select((x, i) => x + Noise(errors[i])).ToArray(), errors, [false, false]));
                    for (var c = b + 1; c < Stations.Length; c++)
                    {
                        var (u2, v2) = Baseline(b, c);
                        var triples = Wavelengths.Select(l => (Visibility(u, v, l), Visibility(u2, v2, l), Visibility(-(u + u2), -(v + v2), l))).ToArray();
                        var phases = triples.Select(t => (t.Item1 * t.Item2 * t.Item3).Phase * 180 / Math.PI).ToArray();
                        // As in real data, a phase is the less certain the fainter its fringes: σ grows as σ_V / |V|.
                        var phaseErrors = triples.Select(t => Math.Min(90, 2 + (0.005 * ((1 / t.Item1.Magnitude) + (1 / t.Item2.Magnitude) + (1 / t.Item3.Magnitude)) * 180 / Math.PI))).ToArray();
                        t3.Add(new OiT3Row(1, 60000 + (hour / 24.0), u, v, u2, v2, [0, 0], [0, 0],
                            phases.Select((p, i) => p + Noise(phaseErrors[i])).ToArray(), phaseErrors, [false, false]));
                    }
                }
            }
        }

        var input = new FitsHeader();
        input.Set("TARGET", "SYNTHETIC");
        input.Set("WAVE_MIN", 1.5e-6);
        input.Set("WAVE_MAX", 1.8e-6);
        input.Set("USE_VIS", false);
        input.Set("USE_VIS2", true);
        input.Set("USE_T3", true);
        input.Set("MAXITER", (long)maxIter);
        input.Set("RGL_NAME", regulariser);
        input.Set("RGL_WGT", weight ?? 0.0);
        input.Set("FOV", fovMas);
        input.Set("NP_MIN", (long)pixels);
        return new FitsFile([
            new FitsImage(8, [], []),
            OiTableWriter.Targets([new OiTarget(1, "SYNTHETIC", 83.8, -5.4)]),
            OiTableWriter.Wavelength(new OiWavelength("SYNTH", Wavelengths, [5e-8, 5e-8])),
            OiTableWriter.Vis2("SYNTH", vis2, Wavelengths.Length),
            OiTableWriter.T3("SYNTH", t3, Wavelengths.Length),
            FitsBinaryTable.Create(ImageOiInputParam.ExtName, [], 0, input),
            FitsBinaryTable.Create(ImageOiOutputParam.ExtName, [], 0),
        ]);
    }

    /// <summary>A uniform disk of the given diameter (mas) as point components on a fine grid.</summary>
    public static IReadOnlyList<Component> UniformDisk(double diameterMas, double stepMas)
    {
        var radius = diameterMas / 2;
        var components = new List<Component>();
        for (var x = -radius; x <= radius; x += stepMas)
        {
            for (var y = -radius; y <= radius; y += stepMas)
            {
                if ((x * x) + (y * y) <= radius * radius)
                {
                    components.Add(new Component(x, y, 1));
                }
            }
        }

        return components;
    }
}
