// SPDX-License-Identifier: MIT
namespace Meridian.Reconstruction;

/// <summary>One iteration's figures, reported as it ends.</summary>
internal readonly record struct Iteration(int Number, Evaluation Value, int Evaluations);

/// <summary>How a reconstruction ended: the unit-flux image, the iterations run and whether it converged.</summary>
internal sealed record ReconstructionOutcome(double[] Image, int Iterations, Evaluation Value, Evaluation Start, bool Converged);

/// <summary>
/// The iterations: L-BFGS on the objective from a start image until the objective stops decreasing (relative
/// decrease below the threshold, or no step that decreases it) or the iteration limit is reached.
/// </summary>
internal static class Reconstructor
{
    // Floor of a start image's pixels, relative to its peak: a start image with exact zeros would keep maximum
    // entropy's logarithm at its floor there.
    private const double StartFloor = 1e-6;

    public static ReconstructionOutcome Run(
        Objective objective, double[] start, int maxIter, double threshold, Action<Iteration> report, CancellationToken cancel = default)
    {
        var peak = start.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        if (!(peak > 0))
        {
            throw new InputException("the start image has no positive pixel");
        }

        var t = start.Select(v => Math.Max(double.IsFinite(v) ? v : 0, peak * StartFloor) / peak).ToArray();
        var gradient = new double[t.Length];
        var value = objective.Evaluate(t, gradient);
        var first = value;
        report(new Iteration(0, value, objective.Evaluations));
        var optimiser = new Lbfgs(t.Length);
        var converged = false;
        var iteration = 0;
        while (iteration < maxIter && !cancel.IsCancellationRequested)
        {
            var previous = value.Total;
            if (!optimiser.Step(t, ref value, gradient, objective.Evaluate))
            {
                // No step along the quasi-Newton or the steepest direction decreases f: a (numerical) minimum.
                converged = true;
                break;
            }

            iteration++;
            report(new Iteration(iteration, value, objective.Evaluations));
            if (previous - value.Total <= threshold * Math.Max(1, Math.Abs(value.Total)))
            {
                converged = true;
                break;
            }
        }

        var image = new double[t.Length];
        Objective.Image(t, image);
        return new ReconstructionOutcome(image, iteration, value, first, converged);
    }
}
