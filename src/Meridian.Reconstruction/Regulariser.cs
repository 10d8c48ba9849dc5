// SPDX-License-Identifier: MIT
namespace Meridian.Reconstruction;

/// <summary>
/// A prior on the image: a penalty R(y) of the unit-flux image y (N×N, row by row) and its gradient. Every one is
/// written for z = N² y, the image scaled to a mean pixel of 1, so that a weight means about the same on any grid.
/// </summary>
internal abstract class Regulariser
{
    public abstract string Name { get; }

    /// <summary>The weight used when the input gives none (or 0): a compromise found on the test images.</summary>
    public abstract double DefaultWeight { get; }

    /// <summary>Returns R(y) and writes ∂R/∂y into <paramref name="gradient"/>.</summary>
    public abstract double Evaluate(double[] y, int n, double[] gradient);

    /// <summary>The regulariser for a name of this code, MiRA, BSMEM or WISARD (null when the name is unknown).</summary>
    public static Regulariser? FromName(string name, out string? remark)
    {
        remark = null;
        switch (name.Trim().ToLowerInvariant())
        {
            case "smoothness" or "quadratic" or "smooth":
                return new QuadraticSmoothness();
            case "mem" or "maxent" or "entropy" or "mem_prior":
                return new MaximumEntropy();
            case "tv" or "totvar" or "total-variation" or "hyperbolic":
                return new TotalVariation();
            case "l1l2":
                remark = "RGL_NAME L1L2 (WISARD's edge-preserving L1-L2 prior) is run as its nearest regulariser here, total variation";
                return new TotalVariation();
            case "l1l2white":
                remark = "RGL_NAME L1L2WHITE (WISARD's white L1-L2 prior) is run as its nearest regulariser here, maximum entropy";
                return new MaximumEntropy();
            default:
                return null;
        }
    }
}

/// <summary>Quadratic smoothness: the mean squared difference of neighbouring pixels of z (a Tikhonov prior on the gradient).</summary>
internal sealed class QuadraticSmoothness : Regulariser
{
    public override string Name => "smoothness";

    public override double DefaultWeight => 0.5;

    public override double Evaluate(double[] y, int n, double[] gradient)
    {
        var pixels = (double)n * n;
        Array.Clear(gradient);
        double sum = 0;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = (j * n) + i;
                if (i + 1 < n)
                {
                    var d = pixels * (y[p + 1] - y[p]);
                    sum += d * d;
                    gradient[p + 1] += 2 * d * pixels;
                    gradient[p] -= 2 * d * pixels;
                }

                if (j + 1 < n)
                {
                    var d = pixels * (y[p + n] - y[p]);
                    sum += d * d;
                    gradient[p + n] += 2 * d * pixels;
                    gradient[p] -= 2 * d * pixels;
                }
            }
        }

        for (var p = 0; p < gradient.Length; p++)
        {
            gradient[p] /= pixels;
        }

        return sum / pixels;
    }
}

/// <summary>
/// Maximum entropy: the Kullback-Leibler divergence of y from a flat image, Σ y ln(N² y) (0 for a flat image),
/// which favours the image with the least structure that fits the data.
/// </summary>
internal sealed class MaximumEntropy : Regulariser
{
    private const double Floor = 1e-300;

    public override string Name => "mem";

    public override double DefaultWeight => 2;

    public override double Evaluate(double[] y, int n, double[] gradient)
    {
        var pixels = (double)n * n;
        double sum = 0;
        for (var p = 0; p < y.Length; p++)
        {
            var log = Math.Log(Math.Max(pixels * y[p], Floor));
            sum += y[p] * log;
            gradient[p] = log + 1;
        }

        return sum;
    }
}

/// <summary>
/// Total variation, made differentiable (the hyperbolic form): the mean over pixels of sqrt(|∇z|² + ε²) - ε, which
/// keeps sharp edges that quadratic smoothness would blur. ε = 0.01: 1 % of the mean pixel.
/// </summary>
internal sealed class TotalVariation : Regulariser
{
    private const double Epsilon = 0.01;

    public override string Name => "tv";

    public override double DefaultWeight => 0.5;

    public override double Evaluate(double[] y, int n, double[] gradient)
    {
        var pixels = (double)n * n;
        Array.Clear(gradient);
        double sum = 0;
        for (var j = 0; j < n; j++)
        {
            for (var i = 0; i < n; i++)
            {
                var p = (j * n) + i;
                // Forward differences; the last column and row repeat their neighbour (a zero difference).
                var dx = i + 1 < n ? pixels * (y[p + 1] - y[p]) : 0;
                var dy = j + 1 < n ? pixels * (y[p + n] - y[p]) : 0;
                var norm = Math.Sqrt((dx * dx) + (dy * dy) + (Epsilon * Epsilon));
                sum += norm - Epsilon;
                // d norm / d y = (dx ∂dx + dy ∂dy) / norm, with ∂dx/∂y[p+1] = N², ∂dx/∂y[p] = -N² (then divided by N²).
                var gx = dx / norm;
                var gy = dy / norm;
                if (i + 1 < n)
                {
                    gradient[p + 1] += gx;
                    gradient[p] -= gx;
                }

                if (j + 1 < n)
                {
                    gradient[p + n] += gy;
                    gradient[p] -= gy;
                }
            }
        }

        return sum / pixels;
    }
}
