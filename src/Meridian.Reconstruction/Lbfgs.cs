// SPDX-License-Identifier: MIT
namespace Meridian.Reconstruction;

/// <summary>
/// Limited-memory BFGS (Nocedal 1980) kept to x ≥ 0 in the simple projected way (in the spirit of L-BFGS-B, without
/// its Cauchy point): pixels at zero whose gradient pushes them below stay fixed, the quasi-Newton direction is
/// computed on the others from the curvature pairs restricted to them, and each trial point of the backtracking
/// (Armijo) line search is projected onto x ≥ 0.
/// </summary>
internal sealed class Lbfgs(int size, int memory = 7)
{
    private const double Armijo = 1e-4;
    private readonly List<(double[] S, double[] Y, double Rho)> _pairs = [];

    /// <summary>One iteration from x (value fx, gradient g, both updated in place). False when no step decreases f.</summary>
    public bool Step(double[] x, ref Evaluation fx, double[] g, Func<double[], double[], Evaluation> evaluate)
    {
        if (TryStep(x, ref fx, g, evaluate))
        {
            return true;
        }

        // The quasi-Newton model may be stale where pixels reached zero: forget it and try steepest descent once.
        if (_pairs.Count == 0)
        {
            return false;
        }

        _pairs.Clear();
        return TryStep(x, ref fx, g, evaluate);
    }

    private bool TryStep(double[] x, ref Evaluation fx, double[] g, Func<double[], double[], Evaluation> evaluate)
    {
        var free = new bool[size];
        for (var i = 0; i < size; i++)
        {
            free[i] = x[i] > 0 || g[i] < 0;
        }

        var direction = Direction(g, free);
        if (Dot(direction, g) >= 0)
        {
            // Not a descent direction (the curvature pairs went stale): restart from steepest descent.
            _pairs.Clear();
            direction = Direction(g, free);
        }

        var largest = direction.Max(Math.Abs);
        if (largest == 0 || !double.IsFinite(largest))
        {
            return false;
        }

        // The first step (no curvature known yet) moves the largest pixel change to a tenth of the brightest pixel.
        var step = _pairs.Count > 0 ? 1 : 0.1 * x.Max() / largest;
        var trial = new double[size];
        var trialGradient = new double[size];
        for (var attempt = 0; attempt < 40; attempt++, step *= 0.5)
        {
            double decrease = 0;
            for (var i = 0; i < size; i++)
            {
                trial[i] = Math.Max(0, x[i] + (step * direction[i]));
                decrease += g[i] * (trial[i] - x[i]);
            }

            var ft = evaluate(trial, trialGradient);
            if (double.IsFinite(ft.Total) && ft.Total <= fx.Total + (Armijo * decrease) && ft.Total < fx.Total)
            {
                Remember(trial, x, trialGradient, g);
                Array.Copy(trial, x, size);
                Array.Copy(trialGradient, g, size);
                fx = ft;
                return true;
            }
        }

        return false;
    }

    private double[] Direction(double[] g, bool[] free)
    {
        // The two-loop recursion on the free pixels: direction = -H g, H the inverse-Hessian estimate of the pairs.
        var q = new double[size];
        for (var i = 0; i < size; i++)
        {
            q[i] = free[i] ? -g[i] : 0;
        }

        // The pairs restricted to the free pixels: a pinned pixel's curvature must not steer the others.
        var pairs = new List<(double[] S, double[] Y, double Rho)>(_pairs.Count);
        foreach (var (s0, y0, _) in _pairs)
        {
            var s = new double[size];
            var y = new double[size];
            for (var i = 0; i < size; i++)
            {
                if (free[i])
                {
                    s[i] = s0[i];
                    y[i] = y0[i];
                }
            }

            var sy = Dot(s, y);
            if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
            {
                pairs.Add((s, y, 1 / sy));
            }
        }

        var alphas = new double[pairs.Count];
        for (var k = pairs.Count - 1; k >= 0; k--)
        {
            alphas[k] = pairs[k].Rho * Dot(pairs[k].S, q);
            AddScaled(q, -alphas[k], pairs[k].Y);
        }

        if (pairs.Count > 0)
        {
            var (s, y, _) = pairs[^1];
            var gamma = Dot(s, y) / Dot(y, y);
            for (var i = 0; i < size; i++)
            {
                q[i] *= gamma;
            }
        }

        for (var k = 0; k < pairs.Count; k++)
        {
            var beta = pairs[k].Rho * Dot(pairs[k].Y, q);
            AddScaled(q, alphas[k] - beta, pairs[k].S);
        }

        for (var i = 0; i < size; i++)
        {
            if (!free[i])
            {
                q[i] = 0;
            }
        }

        return q;
    }

    private void Remember(double[] xNew, double[] xOld, double[] gNew, double[] gOld)
    {
        var s = new double[size];
        var y = new double[size];
        for (var i = 0; i < size; i++)
        {
            s[i] = xNew[i] - xOld[i];
            y[i] = gNew[i] - gOld[i];
        }

        var sy = Dot(s, y);
        // Only pairs of positive curvature keep H positive definite.
        if (sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)))
        {
            _pairs.Add((s, y, 1 / sy));
            if (_pairs.Count > memory)
            {
                _pairs.RemoveAt(0);
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void AddScaled(double[] target, double factor, double[] x)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += factor * x[i];
        }
    }
}
