// SPDX-License-Identifier: MIT
namespace Meridian.Formats.OiFits;

/// <summary>One row of OI_TARGET: the identifier the data tables use, the name and the position (degrees).</summary>
public sealed record OiTarget(int Id, string Name, double RaDeg, double DecDeg);

/// <summary>An OI_WAVELENGTH table: the spectral channels (metres) of one instrument.</summary>
public sealed record OiWavelength(string? InsName, double[] EffWave, double[] EffBand);

/// <summary>A row of OI_VIS2: squared visibilities per channel at the baseline (U, V) in metres.</summary>
public sealed record OiVis2Row(int TargetId, double Mjd, double U, double V, double[] Vis2, double[] Vis2Err, bool[] Flag);

/// <summary>A row of OI_T3: triple products of the triangle (U1, V1), (U2, V2), -(U1 + U2, V1 + V2); phases in degrees.</summary>
public sealed record OiT3Row(
    int TargetId, double Mjd, double U1, double V1, double U2, double V2,
    double[] T3Amp, double[] T3AmpErr, double[] T3Phi, double[] T3PhiErr, bool[] Flag);

/// <summary>A row of OI_VIS: complex visibilities as amplitude and phase (degrees) at (U, V) in metres.</summary>
public sealed record OiVisRow(
    int TargetId, double Mjd, double U, double V, double[] VisAmp, double[] VisAmpErr, double[] VisPhi, double[] VisPhiErr, bool[] Flag);

/// <summary>A data table (OI_VIS2, OI_T3 or OI_VIS) with the wavelengths its INSNAME points to.</summary>
public sealed record OiDataTable<TRow>(string? InsName, string? ArrName, OiWavelength Wavelength, IReadOnlyList<TRow> Rows);
