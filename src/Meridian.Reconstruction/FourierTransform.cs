// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Meridian.Reconstruction;

/// <summary>
/// The direct (non-uniform) Fourier transform of an N×N image at the data's spatial frequencies, with the OIFITS
/// sign convention V(u, v) = Σ I(α, δ) exp(-2πi (u α + v δ)), α towards the East. The kernel is separable,
/// exp(-2πi u α) × exp(-2πi v δ), so each frequency costs N² multiply-adds instead of a stored N²-element row.
/// </summary>
internal sealed class FourierTransform
{
    private readonly int _n;
    private readonly int _count;
    private readonly double[] _xRe, _xIm, _yRe, _yIm;

    /// <param name="alpha">the East offset (radians) of each image column</param>
    /// <param name="delta">the North offset (radians) of each image row</param>
    public FourierTransform(IReadOnlyList<(double U, double V)> frequencies, double[] alpha, double[] delta)
    {
        _n = alpha.Length;
        _count = frequencies.Count;
        _xRe = new double[_count * _n];
        _xIm = new double[_count * _n];
        _yRe = new double[_count * _n];
        _yIm = new double[_count * _n];
        for (var k = 0; k < _count; k++)
        {
            for (var i = 0; i < _n; i++)
            {
                var phaseX = -2 * Math.PI * frequencies[k].U * alpha[i];
                var phaseY = -2 * Math.PI * frequencies[k].V * delta[i];
                _xRe[(k * _n) + i] = Math.Cos(phaseX);
                _xIm[(k * _n) + i] = Math.Sin(phaseX);
                _yRe[(k * _n) + i] = Math.Cos(phaseY);
                _yIm[(k * _n) + i] = Math.Sin(phaseY);
            }
        }
    }

    public int Count => _count;

    /// <summary>The model visibilities of <paramref name="image"/> (row by row, N values a row).</summary>
    public void Forward(double[] image, Complex[] visibilities) =>
        Parallel.For(0, _count, k =>
        {
            var xRe = _xRe.AsSpan(k * _n, _n);
            var xIm = _xIm.AsSpan(k * _n, _n);
            double re = 0, im = 0;
            for (var j = 0; j < _n; j++)
            {
                var row = image.AsSpan(j * _n, _n);
                var sRe = Dot(xRe, row);
                var sIm = Dot(xIm, row);
                var eRe = _yRe[(k * _n) + j];
                var eIm = _yIm[(k * _n) + j];
                re += (eRe * sRe) - (eIm * sIm);
                im += (eRe * sIm) + (eIm * sRe);
            }

            visibilities[k] = new Complex(re, im);
        });

    /// <summary>
    /// The gradient over the pixels of a real function of the visibilities, given G_k = ∂f/∂Re V_k + i ∂f/∂Im V_k:
    /// ∂f/∂I_j = Re Σ_k G_k exp(+2πi (u_k α_j + v_k δ_j)).
    /// </summary>
    public void Adjoint(Complex[] g, double[] gradient) =>
        Parallel.For(0, _n, j =>
        {
            var row = gradient.AsSpan(j * _n, _n);
            row.Clear();
            for (var k = 0; k < _count; k++)
            {
                if (g[k] == Complex.Zero)
                {
                    continue;
                }

                // w = G_k × conj(exp(-2πi v δ_j)); the row gets Re(w × conj(exp(-2πi u α_i))).
                var eRe = _yRe[(k * _n) + j];
                var eIm = _yIm[(k * _n) + j];
                var wRe = (g[k].Real * eRe) + (g[k].Imaginary * eIm);
                var wIm = (g[k].Imaginary * eRe) - (g[k].Real * eIm);
                AddScaled(row, wRe, _xRe.AsSpan(k * _n, _n), wIm, _xIm.AsSpan(k * _n, _n));
            }
        });

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    private static void AddScaled(Span<double> target, double a, ReadOnlySpan<double> x, double b, ReadOnlySpan<double> y)
    {
        var i = 0;
        for (; i <= target.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var sum = new Vector<double>(target[i..]) + (a * new Vector<double>(x[i..])) + (b * new Vector<double>(y[i..]));
            sum.CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += (a * x[i]) + (b * y[i]);
        }
    }
}
