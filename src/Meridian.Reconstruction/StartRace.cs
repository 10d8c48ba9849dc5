// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Reconstruction;

/// <summary>
/// A start image given by the file (INIT_IMG) or by --init is often broad: its visibilities are near zero on the
/// long baselines, where the V² gradient then vanishes, and the iterations settle in a smooth, wrong image (from the
/// MIRC binary's start, a reduced χ² of 183 after 200 iterations). So such a start races the compact
/// Gaussian this code starts from without one, on the same grid: a probe of a fifth of the iterations (at least 10)
/// from each, then the rest from the one whose objective is lower. Only that one's iterations are recorded.
/// </summary>
internal static class StartRace
{
    private const int MinProbe = 10;

    public static ReconstructionOutcome Run(
        Objective objective, double[] given, double[] compact, int maxIter, double threshold, Action<Iteration> report, Action<string> log)
    {
        var probe = Math.Min(maxIter, Math.Max(MinProbe, maxIter / 5));
        if (probe == 0)
        {
            return Reconstructor.Run(objective, given, 0, threshold, report);
        }

        var givenSteps = new List<Iteration>();
        var compactSteps = new List<Iteration>();
        var fromGiven = Reconstructor.Run(objective, given, probe, threshold, givenSteps.Add);
        var fromCompact = Reconstructor.Run(objective, compact, probe, threshold, compactSteps.Add);
        var compactWins = fromCompact.Value.Total < fromGiven.Value.Total;
        log(string.Create(CultureInfo.InvariantCulture,
            $"start race, {probe} iterations each: the given start image reached f {fromGiven.Value.Total:0.###}, a compact Gaussian on the same grid " +
            $"f {fromCompact.Value.Total:0.###}; continuing from {(compactWins ? "the compact Gaussian" : "the given start image")}"));
        var (winner, steps) = compactWins ? (fromCompact, compactSteps) : (fromGiven, givenSteps);
        steps.ForEach(report);
        if (winner.Converged || winner.Iterations >= maxIter)
        {
            return winner;
        }

        var done = winner.Iterations;
        var rest = Reconstructor.Run(objective, winner.Image, maxIter - done, threshold, iteration =>
        {
            // Its iteration 0 is the probe's last one, already recorded.
            if (iteration.Number > 0)
            {
                report(iteration with { Number = iteration.Number + done });
            }
        });
        return rest with { Iterations = rest.Iterations + done, Start = winner.Start };
    }
}
