// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Meridian.Formats.Fits;
using Meridian.Formats.OiFits;
using Meridian.Formats.Png;

namespace Meridian.Reconstruction;

/// <summary>One run of the program: read, settle the settings, select the data, reconstruct, write the results.</summary>
internal static class ReconstructionJob
{
    private const string DefaultRegulariser = "mem";

    public static void Run(CommandLine command, RunRecords records)
    {
        var clock = Stopwatch.StartNew();
        records.Log($"meridian-reconstruct: a small teaching code (L-BFGS on chi2 of V2, closure phases and VIS, plus a regulariser)");
        if (command.Software is { } software)
        {
            records.Log($"software: {software} was asked for; this server runs meridian-reconstruct in its place (not BSMEM, MiRA, SPARCO or WISARD)");
        }

        var input = ReadFits(command.Input, "the input file");
        OiFitsData data;
        try
        {
            data = OiFitsData.Read(input);
        }
        catch (FitsFormatException e)
        {
            throw new InputException($"the input is not OIFITS: {e.Message}");
        }

        var settings = Settle(command, ImageOiInputParam.Read(input), records);
        var target = ChooseTarget(data, settings.Target, records);
        var regulariser = ChooseRegulariser(settings.Regulariser, records);
        var weight = settings.Weight is > 0 ? settings.Weight.Value : regulariser.DefaultWeight;
        var observed = ObservedData.Select(data, target?.Id ?? FirstTargetId(data), settings);
        if (observed.Count == 0)
        {
            throw new InputException("no data left to fit: check TARGET, WAVE_MIN/WAVE_MAX, USE_VIS/USE_VIS2/USE_T3 and the flags");
        }

        records.Log($"data: {observed.Vis2.Count} V2, {observed.ClosurePhases.Count} closure phases, {observed.Vis.Count} VIS points " +
            $"of target {target?.Name ?? "(unnamed)"}; wavelengths {Format(settings.WaveMin)} to {Format(settings.WaveMax)} m");
        var (grid, start, given) = StartImage(input, settings, observed, records);
        records.Log(string.Create(CultureInfo.InvariantCulture,
            $"grid: {grid.N}x{grid.N} pixels of {grid.PixelMas:0.####} mas; regulariser {regulariser.Name}, weight {weight:G4}; at most {settings.MaxIter} iterations"));
        if (settings.FluxErr is not null)
        {
            records.Log("FLUXERR: the flux is fixed exactly by the image's normalisation here, so FLUXERR is not used");
        }

        var transform = new FourierTransform(observed.Frequencies, grid.Alpha, grid.Delta);
        var objective = new Objective(transform, new ChiSquare(observed), regulariser, weight, grid.N);
        void Record(Iteration iteration) => records.Record(iteration, settings.MaxIter, observed.Count);
        var outcome = given
            ? StartRace.Run(objective, start, grid.Gaussian(CompactFwhm(observed, Math.Abs(grid.Cdelt2))), settings.MaxIter, settings.Threshold, Record, records.Log)
            : Reconstructor.Run(objective, start, settings.MaxIter, settings.Threshold, Record);
        var image = outcome.Image.Select(v => v * settings.Flux).ToArray();

        var name = OutputFile.Write(input, image, grid, target, outcome, observed.Count, regulariser, weight, command.Output);
        using (var preview = File.Create(command.Preview))
        {
            PngWriter.WriteScaled(preview, grid.N, grid.N, image);
        }

        records.Log(string.Create(CultureInfo.InvariantCulture,
            $"done: {outcome.Iterations} iterations, {objective.Evaluations} evaluations, reduced chi2 {outcome.Start.ChiSquare / observed.Count:0.####} -> " +
            $"{outcome.Value.ChiSquare / observed.Count:0.####}, {(outcome.Converged ? "converged" : "iteration limit reached")}, {clock.Elapsed.TotalSeconds:0.##} s; image '{name}'"));
        records.Progress(1, "done");
    }

    internal static FitsFile ReadFits(string path, string what)
    {
        try
        {
            return FitsFile.Read(path);
        }
        catch (FitsFormatException e)
        {
            throw new InputException($"{what} is not a readable FITS file: {e.Message}");
        }
        catch (IOException e)
        {
            throw new InputException($"{what} cannot be read: {e.Message}");
        }
    }

    private static ReconstructionSettings Settle(CommandLine command, ImageOiInputParam? param, RunRecords records)
    {
        var settings = new ReconstructionSettings();
        if (param is null)
        {
            records.Log("the file has no IMAGE-OI INPUT PARAM table: defaults for every setting");
        }
        else
        {
            settings = settings with
            {
                Target = param.Target,
                WaveMin = param.WaveMin,
                WaveMax = param.WaveMax,
                UseVis = param.UseVis,
                UseVis2 = param.UseVis2,
                UseT3 = param.UseT3,
                InitImg = param.InitImg,
                MaxIter = param.MaxIter is >= 0 ? param.MaxIter.Value : settings.MaxIter,
                Regulariser = param.RglName,
                Weight = param.RglWgt,
                Flux = param.Flux is > 0 ? param.Flux.Value : 1,
                FluxErr = param.FluxErr,
                Pixels = param.Header.GetLong("NP_MIN") is >= 8 and <= 512 ? (int)param.Header.GetLong("NP_MIN")!.Value : null,
                FovMas = param.Header.GetDouble("FOV") is > 0 ? param.Header.GetDouble("FOV") : null,
                Threshold = param.Header.GetDouble("THRESHOL") is > 0 ? param.Header.GetDouble("THRESHOL")!.Value : settings.Threshold,
            };
            if (param.RglPrio is not null)
            {
                records.Log($"RGL_PRIO '{param.RglPrio}': prior images are not used by this code; ignored");
            }
        }

        settings = ClientOptions.Apply(command.ClientOptionString, settings, records.Log);
        return settings with
        {
            MaxIter = command.MaxIter ?? settings.MaxIter,
            Regulariser = command.Regulariser ?? settings.Regulariser,
            Weight = command.Weight ?? settings.Weight,
            FovMas = command.FovMas ?? settings.FovMas,
            Pixels = command.Pixels ?? settings.Pixels,
            InitFile = command.InitFile,
            Threshold = command.Threshold ?? settings.Threshold,
        };
    }

    private static OiTarget? ChooseTarget(OiFitsData data, string? name, RunRecords records)
    {
        if (name is not null)
        {
            return data.FindTarget(name)
                ?? throw new InputException($"TARGET '{name}' is not in OI_TARGET (it has: {string.Join(", ", data.Targets.Select(t => t.Name))})");
        }

        if (data.Targets.Count > 1)
        {
            records.Log($"no TARGET given: reconstructing the first of OI_TARGET, {data.Targets[0].Name}");
        }

        return data.Targets.Count > 0 ? data.Targets[0] : null;
    }

    private static int FirstTargetId(OiFitsData data) =>
        data.Vis2.SelectMany(t => t.Rows).Select(r => r.TargetId).Concat(data.T3.SelectMany(t => t.Rows).Select(r => r.TargetId)).FirstOrDefault();

    private static Regulariser ChooseRegulariser(string? name, RunRecords records)
    {
        var regulariser = Regulariser.FromName(name ?? DefaultRegulariser, out var remark);
        if (remark is not null)
        {
            records.Log(remark);
        }

        if (regulariser is null)
        {
            records.Log($"regulariser '{name}' is not one of this code (smoothness, mem, tv): using {DefaultRegulariser}");
            regulariser = Regulariser.FromName(DefaultRegulariser, out _)!;
        }

        return regulariser;
    }

    private static (ImageGrid Grid, double[] Start, bool Given) StartImage(FitsFile input, ReconstructionSettings settings, ObservedData observed, RunRecords records)
    {
        FitsImage? image = null;
        string? what = null;
        if (settings.InitFile is not null)
        {
            image = ReadFits(settings.InitFile, "the initial image file").Hdus.OfType<FitsImage>().FirstOrDefault(i => i.Data.Length > 0)
                ?? throw new InputException("the initial image file holds no image");
            what = "the initial image file";
        }
        else if (settings.InitImg is not null)
        {
            image = input.Find<FitsImage>(settings.InitImg)
                ?? throw new InputException($"INIT_IMG '{settings.InitImg}' names no image of the file (images are found by HDUNAME or EXTNAME)");
            what = $"INIT_IMG '{settings.InitImg}'";
        }

        if (image is not null)
        {
            var grid = ImageGrid.FromImage(image, what!);
            if (settings.Pixels is not null || settings.FovMas is not null)
            {
                records.Log($"the start image ({what}) fixes the grid: the pixels and field of view asked for are not used");
            }

            records.Log($"start image: {what}");
            return (grid, image.Data.ToArray(), true);
        }

        var n = settings.Pixels ?? 64;
        // Without a field of view, pixels of λ/(4 B_max): twice finer than the Nyquist sampling of the longest baseline.
        var pixel = settings.FovMas is { } fov ? fov / n * ImageGrid.MasToRadians : 1 / (4 * observed.MaxFrequency);
        var gaussianGrid = new ImageGrid(n, -pixel, pixel);
        var fwhm = CompactFwhm(observed, pixel);
        records.Log(string.Create(CultureInfo.InvariantCulture, $"start image: a centred Gaussian of FWHM {fwhm:0.#} pixels"));
        return (gaussianGrid, gaussianGrid.Gaussian(fwhm), false);
    }

    // A compact start, half the resolution λ/B_max: the V² gradient of a visibility near zero vanishes, so a
    // broad start gives the long baselines no say and the iterations settle in a smooth, wrong image.
    private static double CompactFwhm(ObservedData observed, double pixelRadians) => Math.Max(1.5, 0.5 / (observed.MaxFrequency * pixelRadians));

    private static string Format(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? "any";
}
