// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests.Clients;

/// <summary>Planck's law, the truth the black-body example service is checked against.</summary>
public static class Planck
{
    private const double H = 6.62607015e-34;
    private const double C = 299792458;
    private const double K = 1.380649e-23;

    /// <summary>B_lambda(T) in W m^-2 sr^-1 m^-1 at a wavelength in metres.</summary>
    public static double Radiance(double wavelength, double temperature) =>
        2 * H * C * C / Math.Pow(wavelength, 5) / (Math.Exp(H * C / (wavelength * K * temperature)) - 1);
}
