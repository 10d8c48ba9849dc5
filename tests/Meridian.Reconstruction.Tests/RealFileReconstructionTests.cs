// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;

namespace Meridian.Reconstruction.Tests;

/// <summary>The real OIFITS files of the JMMC: each reconstructs to a lower χ² than its start, and astropy reads the result.</summary>
public sealed class RealFileReconstructionTests
{
    [Theory]
    [InlineData(SampleFiles.Fkv1137)]
    [InlineData(SampleFiles.Fkv1137ImageOi)]
    [InlineData(SampleFiles.Mystery)]
    [InlineData(SampleFiles.BinaryMirc)]
    public async Task RealFile_ReconstructsBelowItsStartChi2_AndAstropyReadsTheResult(string name)
    {
        using var run = new ReconstructionRun();

        Assert.Equal(0, run.Run(SampleFiles.PathOf(name), "--maxiter", "15"));

        var (image, output) = run.Result();
        var history = File.ReadAllLines(Path.Combine(run.Folder, "chi2.csv"));
        var start = double.Parse(history[1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(output.ChiSq < start, $"reduced chi2 {output.ChiSq} is not below the start image's {start}");
        Assert.Equal(15, output.NIter);
        Assert.Equal(1, output.Flux, 4);
        Assert.Equal(1, image.Data.Sum(), 4);
        Assert.True(File.ReadAllLines(Path.Combine(run.Folder, "progress")).Length >= 16);
        Assert.True(new FileInfo(Path.Combine(run.Folder, "preview.png")).Length > 0);

        var hdus = await DumpAsync(run.Output);
        var final = hdus.Single(h => h.GetProperty("name").GetString() == "IMAGE-OI FINAL IMAGE");
        Assert.Equal("RA---SIN", final.GetProperty("header").GetProperty("CTYPE1").GetString());
        Assert.Equal("IMAGE-OI FINAL IMAGE", final.GetProperty("header").GetProperty("HDUNAME").GetString());
        var param = hdus.Single(h => h.GetProperty("name").GetString() == "IMAGE-OI OUTPUT PARAM").GetProperty("header");
        Assert.Equal("IMAGE-OI FINAL IMAGE", param.GetProperty("LAST_IMG").GetString());
        Assert.Equal(15, param.GetProperty("NITER").GetInt32());
        Assert.Equal(output.ChiSq, param.GetProperty("CHISQ").GetDouble(), 6);
        Assert.True(param.TryGetProperty("CONVERGE", out _));
        // Every HDU of the input is kept.
        Assert.Contains(hdus, h => h.GetProperty("name").GetString() == "OI_VIS2");
        Assert.Contains(hdus, h => h.GetProperty("name").GetString() == "IMAGE-OI INPUT PARAM");
    }

    [Fact]
    public void BroadStartImage_DoesNotTrapTheFit_OfFkv1137WithItsComplexVisibilities()
    {
        using var run = new ReconstructionRun();

        // The file's own settings: INIT_IMG (a broad image whose long-baseline visibilities are near zero), USE_VIS, 200 iterations.
        Assert.Equal(0, run.Run(SampleFiles.PathOf(SampleFiles.Fkv1137)));

        var output = run.Result().Output;
        Assert.Equal(200, output.NIter);
        Assert.True(output.ChiSq < 10, $"reduced chi2 {output.ChiSq}: the fit used to stop near 300 from this start image");
        Assert.Contains("start race, 40 iterations each", run.Log);
    }

    [Fact]
    public void ClientOptions_TakeMaxiter_AndLogTheRestAsIgnored()
    {
        using var run = new ReconstructionRun();

        Assert.Equal(0, run.Run(SampleFiles.PathOf(SampleFiles.Fkv1137), "--cli-options", "-maxiter=3 -verb=2 ;rm -rf /"));

        Assert.Equal(3, run.Result().Output.NIter);
        Assert.Contains("cliOptions: -maxiter=3 applied", run.Log);
        Assert.Contains("cliOptions: '-verb=2' is not an option of this code; ignored", run.Log);
        Assert.Contains("cliOptions: ';rm' is not an option of this code; ignored", run.Log);
    }

    [Fact]
    public void FileWithoutOifitsTables_FailsSayingSo()
    {
        using var run = new ReconstructionRun();

        Assert.Equal(1, run.Run(SampleFiles.PathOf(SampleFiles.Gauss)));

        Assert.Contains("not OIFITS", run.Log);
    }

    private static async Task<List<JsonElement>> DumpAsync(string path)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Clients", "astropy_dump.py"));
        start.ArgumentList.Add(path);
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"astropy could not read the result (is python3-astropy installed? test.sh installs it): {await errors}");
        return JsonDocument.Parse(await output).RootElement.EnumerateArray().ToList();
    }
}
