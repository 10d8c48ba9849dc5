// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Meridian.Reconstruction;

/// <summary>The value of one evaluation: the total f = χ² + μ R and its two parts.</summary>
internal readonly record struct Evaluation(double Total, double ChiSquare, double Regularisation);

/// <summary>
/// The function the optimiser minimises, over pixels x ≥ 0 (the optimiser keeps them there): the image is their
/// unit-flux version y = x / Σ x, so the flux needs no constraint, and f(x) = χ²(DFT(y)) + μ R(y).
/// Positivity by bounds rather than by a change of variables such as x = exp(t): with exp(t) the gradient of a faint
/// pixel is proportional to its value, so a companion absent from the start image can hardly ever appear.
/// </summary>
internal sealed class Objective
{
    private readonly FourierTransform _transform;
    private readonly ChiSquare _chiSquare;
    private readonly Regulariser _regulariser;
    private readonly double _weight;
    private readonly int _n;
    private readonly Complex[] _model;
    private readonly Complex[] _g;
    private readonly double[] _y;
    private readonly double[] _dataGradient;
    private readonly double[] _priorGradient;

    public Objective(FourierTransform transform, ChiSquare chiSquare, Regulariser regulariser, double weight, int n)
    {
        _transform = transform;
        _chiSquare = chiSquare;
        _regulariser = regulariser;
        _weight = weight;
        _n = n;
        _model = new Complex[transform.Count];
        _g = new Complex[transform.Count];
        _y = new double[n * n];
        _dataGradient = new double[n * n];
        _priorGradient = new double[n * n];
    }

    public int Evaluations { get; private set; }

    /// <summary>The unit-flux image of the pixels x; false when they hold no flux at all.</summary>
    public static bool Image(ReadOnlySpan<double> x, double[] y)
    {
        double sum = 0;
        foreach (var value in x)
        {
            sum += value;
        }

        if (!(sum > 0))
        {
            return false;
        }

        for (var p = 0; p < x.Length; p++)
        {
            y[p] = x[p] / sum;
        }

        return true;
    }

    public Evaluation Evaluate(double[] x, double[] gradient)
    {
        Evaluations++;
        if (!Image(x, _y))
        {
            return new Evaluation(double.PositiveInfinity, double.PositiveInfinity, 0);
        }

        var sum = x.Sum();
        _transform.Forward(_y, _model);
        var chi2 = _chiSquare.Evaluate(_model, _g);
        _transform.Adjoint(_g, _dataGradient);
        var prior = _regulariser.Evaluate(_y, _n, _priorGradient);

        // Chain rule through the normalisation: ∂f/∂x_j = (∂f/∂y_j - Σ_i y_i ∂f/∂y_i) / Σ x.
        double mean = 0;
        for (var p = 0; p < _y.Length; p++)
        {
            gradient[p] = _dataGradient[p] + (_weight * _priorGradient[p]);
            mean += _y[p] * gradient[p];
        }

        for (var p = 0; p < _y.Length; p++)
        {
            gradient[p] = (gradient[p] - mean) / sum;
        }

        return new Evaluation(chi2 + (_weight * prior), chi2, prior);
    }
}
