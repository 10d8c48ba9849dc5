// SPDX-License-Identifier: MIT
namespace Meridian.Reconstruction;

/// <summary>
/// What a run does, once the command line, the client's option string and the file's IMAGE-OI INPUT PARAM are
/// merged (in that order of precedence). Null means "not said": the reconstruction then picks its default.
/// </summary>
internal sealed record ReconstructionSettings
{
    public string? Target { get; init; }

    public double? WaveMin { get; init; }

    public double? WaveMax { get; init; }

    public bool UseVis { get; init; }

    public bool UseVis2 { get; init; } = true;

    public bool UseT3 { get; init; } = true;

    /// <summary>The HDUNAME (or EXTNAME) of the start image in the input file.</summary>
    public string? InitImg { get; init; }

    /// <summary>A separate FITS file whose first image is the start image.</summary>
    public string? InitFile { get; init; }

    public int MaxIter { get; init; } = 200;

    public string? Regulariser { get; init; }

    public double? Weight { get; init; }

    public double Flux { get; init; } = 1;

    public double? FluxErr { get; init; }

    /// <summary>Image width in pixels when no start image fixes it.</summary>
    public int? Pixels { get; init; }

    /// <summary>Field of view (mas) when no start image fixes it: pixel scale = FOV / pixels.</summary>
    public double? FovMas { get; init; }

    /// <summary>Relative decrease of the objective in one iteration below which the run has converged.</summary>
    public double Threshold { get; init; } = 1e-9;
}
