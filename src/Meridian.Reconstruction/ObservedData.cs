// SPDX-License-Identifier: MIT
using Meridian.Formats.OiFits;

namespace Meridian.Reconstruction;

/// <summary>A squared visibility at frequency index <c>K</c>.</summary>
internal readonly record struct Vis2Point(int K, double Value, double Error);

/// <summary>A closure phase (radians) of the frequencies K1, K2 and K3 = -(K1 + K2).</summary>
internal readonly record struct ClosurePhasePoint(int K1, int K2, int K3, double Phase, double Error);

/// <summary>A complex visibility as amplitude and phase (radians); an error of 0 leaves that part out.</summary>
internal readonly record struct VisPoint(int K, double Amplitude, double AmplitudeError, double Phase, double PhaseError);

/// <summary>
/// The data a reconstruction fits: the selected target's unflagged, finite measurements with positive errors in the
/// channels between WAVE_MIN and WAVE_MAX, and the spatial frequencies (u/λ, v/λ in radians⁻¹) they are taken at.
/// </summary>
internal sealed class ObservedData
{
    // EFF_WAVE is often a 32-bit real while WAVE_MIN/MAX are 64-bit copies of it: compare with a relative tolerance.
    private const double WavelengthTolerance = 1e-6;

    public List<(double U, double V)> Frequencies { get; } = [];

    public List<Vis2Point> Vis2 { get; } = [];

    public List<ClosurePhasePoint> ClosurePhases { get; } = [];

    public List<VisPoint> Vis { get; } = [];

    public int Count => Vis2.Count + ClosurePhases.Count + Vis.Count(p => p.AmplitudeError > 0) + Vis.Count(p => p.PhaseError > 0);

    public double MaxFrequency => Frequencies.Count == 0 ? 0 : Frequencies.Max(f => Math.Sqrt((f.U * f.U) + (f.V * f.V)));

    public static ObservedData Select(OiFitsData data, int targetId, ReconstructionSettings settings)
    {
        var observed = new ObservedData();
        if (settings.UseVis2)
        {
            foreach (var table in data.Vis2)
            {
                foreach (var row in table.Rows.Where(r => r.TargetId == targetId))
                {
                    foreach (var (c, lambda) in Channels(table.Wavelength, settings))
                    {
                        if (Usable(row.Flag, c, row.Vis2, row.Vis2Err))
                        {
                            observed.Vis2.Add(new Vis2Point(observed.Add(row.U, row.V, lambda), row.Vis2[c], row.Vis2Err[c]));
                        }
                    }
                }
            }
        }

        if (settings.UseT3)
        {
            foreach (var table in data.T3)
            {
                foreach (var row in table.Rows.Where(r => r.TargetId == targetId))
                {
                    foreach (var (c, lambda) in Channels(table.Wavelength, settings))
                    {
                        if (Usable(row.Flag, c, row.T3Phi, row.T3PhiErr))
                        {
                            var k1 = observed.Add(row.U1, row.V1, lambda);
                            var k2 = observed.Add(row.U2, row.V2, lambda);
                            var k3 = observed.Add(-(row.U1 + row.U2), -(row.V1 + row.V2), lambda);
                            observed.ClosurePhases.Add(new ClosurePhasePoint(k1, k2, k3, Radians(row.T3Phi[c]), Radians(row.T3PhiErr[c])));
                        }
                    }
                }
            }
        }

        if (settings.UseVis)
        {
            foreach (var table in data.Vis)
            {
                foreach (var row in table.Rows.Where(r => r.TargetId == targetId))
                {
                    foreach (var (c, lambda) in Channels(table.Wavelength, settings))
                    {
                        var amplitude = Usable(row.Flag, c, row.VisAmp, row.VisAmpErr);
                        var phase = Usable(row.Flag, c, row.VisPhi, row.VisPhiErr);
                        if (amplitude || phase)
                        {
                            observed.Vis.Add(new VisPoint(
                                observed.Add(row.U, row.V, lambda),
                                amplitude ? row.VisAmp[c] : 0, amplitude ? row.VisAmpErr[c] : 0,
                                phase ? Radians(row.VisPhi[c]) : 0, phase ? Radians(row.VisPhiErr[c]) : 0));
                        }
                    }
                }
            }
        }

        return observed;
    }

    private static IEnumerable<(int Channel, double Lambda)> Channels(OiWavelength wavelength, ReconstructionSettings settings)
    {
        for (var c = 0; c < wavelength.EffWave.Length; c++)
        {
            var lambda = wavelength.EffWave[c];
            if (lambda > 0
                && (settings.WaveMin is not { } min || lambda >= min * (1 - WavelengthTolerance))
                && (settings.WaveMax is not { } max || lambda <= max * (1 + WavelengthTolerance)))
            {
                yield return (c, lambda);
            }
        }
    }

    private static bool Usable(bool[] flags, int c, double[] values, double[] errors) =>
        c < values.Length && c < errors.Length && (c >= flags.Length || !flags[c])
        && double.IsFinite(values[c]) && double.IsFinite(errors[c]) && errors[c] > 0;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private int Add(double u, double v, double lambda)
    {
        Frequencies.Add((u / lambda, v / lambda));
        return Frequencies.Count - 1;
    }
}
