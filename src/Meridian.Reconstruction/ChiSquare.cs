// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Meridian.Reconstruction;

/// <summary>
/// The misfit of model visibilities to the data. Squared visibilities and amplitudes are Gaussian,
/// ((model - data) / σ)²; phases (closure phases, visibility phases) use 2 (1 - cos(model - data)) / σ², which is
/// (Δ / σ)² for small Δ but has no jump where the difference wraps at ±π.
/// </summary>
internal sealed class ChiSquare(ObservedData data)
{
    public int Count => data.Count;

    /// <summary>Returns χ² and writes G_k = ∂χ²/∂Re V_k + i ∂χ²/∂Im V_k.</summary>
    public double Evaluate(Complex[] model, Complex[] g)
    {
        Array.Clear(g);
        double chi2 = 0;
        foreach (var point in data.Vis2)
        {
            var v = model[point.K];
            var residual = (v.Real * v.Real) + (v.Imaginary * v.Imaginary) - point.Value;
            var weight = 1 / (point.Error * point.Error);
            chi2 += residual * residual * weight;
            // ∂|V|²/∂Re V = 2 Re V, ∂|V|²/∂Im V = 2 Im V.
            g[point.K] += 4 * residual * weight * v;
        }

        foreach (var point in data.ClosurePhases)
        {
            var (v1, v2, v3) = (model[point.K1], model[point.K2], model[point.K3]);
            var difference = v1.Phase + v2.Phase + v3.Phase - point.Phase;
            var weight = 1 / (point.Error * point.Error);
            chi2 += 2 * (1 - Math.Cos(difference)) * weight;
            var slope = 2 * Math.Sin(difference) * weight;
            AddPhaseGradient(g, point.K1, v1, slope);
            AddPhaseGradient(g, point.K2, v2, slope);
            AddPhaseGradient(g, point.K3, v3, slope);
        }

        foreach (var point in data.Vis)
        {
            var v = model[point.K];
            if (point.AmplitudeError > 0)
            {
                var amplitude = v.Magnitude;
                var residual = amplitude - point.Amplitude;
                var weight = 1 / (point.AmplitudeError * point.AmplitudeError);
                chi2 += residual * residual * weight;
                if (amplitude > 0)
                {
                    g[point.K] += 2 * residual * weight * v / amplitude;
                }
            }

            if (point.PhaseError > 0)
            {
                var difference = v.Phase - point.Phase;
                var weight = 1 / (point.PhaseError * point.PhaseError);
                chi2 += 2 * (1 - Math.Cos(difference)) * weight;
                AddPhaseGradient(g, point.K, v, 2 * Math.Sin(difference) * weight);
            }
        }

        return chi2;
    }

    // ∂ arg V / ∂Re V = -Im V / |V|², ∂ arg V / ∂Im V = Re V / |V|²: together i V / |V|².
    private static void AddPhaseGradient(Complex[] g, int k, Complex v, double slope)
    {
        var squared = (v.Real * v.Real) + (v.Imaginary * v.Imaginary);
        if (squared > 0)
        {
            g[k] += slope * Complex.ImaginaryOne * v / squared;
        }
    }
}
