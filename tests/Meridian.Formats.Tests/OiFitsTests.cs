// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;
using Meridian.Formats.OiFits;

namespace Meridian.Formats.Tests;

/// <summary>The OIFITS and IMAGE-OI tables of the real files, and new OIFITS tables read back by astropy.</summary>
public sealed class OiFitsTests
{
    [Fact]
    public void Fkv1137_HasItsTargetChannelAndDataTables()
    {
        var file = FitsFile.Read(SampleFiles.PathOf(SampleFiles.Fkv1137));

        var data = OiFitsData.Read(file);

        var target = Assert.Single(data.Targets);
        Assert.Equal("FKV1137", target.Name);
        Assert.Equal(5.04130193, target.RaDeg, 8);
        Assert.Same(target, data.FindTarget("fkv1137 "));
        Assert.Equal((double)5.5e-7f, Assert.Single(Assert.Single(data.Wavelengths).EffWave));
        Assert.Equal(240, Assert.Single(data.Vis2).Rows.Count);
        Assert.Equal(160, Assert.Single(data.T3).Rows.Count);
        Assert.Equal(240, Assert.Single(data.Vis).Rows.Count);
        var vis2 = data.Vis2[0].Rows[0];
        Assert.Equal(0.84337467, vis2.Vis2[0], 7);
        Assert.Equal(0.00539403, vis2.Vis2Err[0], 7);
        var t3 = data.T3[0].Rows[0];
        Assert.Equal(2.06016541, t3.T3Phi[0], 7);
        Assert.Equal(0.83424288, t3.T3PhiErr[0], 7);
        Assert.Equal(0.91584712, data.Vis[0].Rows[0].VisAmp[0], 7);
        Assert.Equal([false], vis2.Flag);
    }

    [Fact]
    public void Fkv1137_InputParam_HoldsTheReconstructionSettings()
    {
        var input = ImageOiInputParam.Read(FitsFile.Read(SampleFiles.PathOf(SampleFiles.Fkv1137)))!;

        Assert.Equal("FKV1137", input.Target);
        Assert.Equal(5.499999815583578E-7, input.WaveMin);
        Assert.Equal(5.499999815583578E-7, input.WaveMax);
        Assert.True(input.UseVis && input.UseVis2 && input.UseT3);
        Assert.Equal("wisard_image-2018-09-25T12:40:58", input.InitImg);
        Assert.Equal(200, input.MaxIter);
        Assert.Equal("L1L2", input.RglName);
        Assert.Equal(0.0, input.RglWgt);
        Assert.Equal(0.001, input.FluxErr);
        Assert.Null(input.Flux);
        Assert.Equal(20.0, input.Header.GetDouble("FOV"));
    }

    [Fact]
    public void MircFile_HasEightChannelsPerRow_AndTheOutputOfItsReconstruction()
    {
        var file = FitsFile.Read(SampleFiles.PathOf(SampleFiles.BinaryMirc));

        var data = OiFitsData.Read(file);
        var input = ImageOiInputParam.Read(file)!;
        var output = ImageOiOutputParam.Read(file)!;

        Assert.Equal(8, Assert.Single(data.Wavelengths).EffWave.Length);
        Assert.Equal(90, data.Vis2[0].Rows.Count);
        Assert.All(data.Vis2[0].Rows, row => Assert.Equal(8, row.Vis2.Length));
        Assert.All(data.T3[0].Rows, row => Assert.Equal(8, row.T3Phi.Length));
        Assert.Equal(120, data.T3[0].Rows.Count);
        Assert.Null(input.Target);
        Assert.Null(input.RglName);
        Assert.Equal("IMAGE-OI INITIAL IMAGE", input.InitImg);
        Assert.False(input.UseVis);
        Assert.Equal(new ImageOiOutputParam("OUTPUT19", 19, 1.05045, 1.038985, false), output);
    }

    [Fact]
    public void MysteryFile_HasNoInitialImageNamed()
    {
        var file = FitsFile.Read(SampleFiles.PathOf(SampleFiles.Mystery));

        var input = ImageOiInputParam.Read(file)!;

        Assert.Null(input.InitImg);
        Assert.Equal("FKV0497", input.Target);
        Assert.Empty(OiFitsData.Read(file).Vis);
        Assert.Null(ImageOiOutputParam.Read(file));
    }

    [Fact]
    public async Task WrittenTables_ReadInAstropyAndBack()
    {
        var path = Path.Combine(Path.GetTempPath(), $"meridian-oi-{Guid.NewGuid():N}.fits");
        var wavelength = new OiWavelength("SYNTH", [1.6e-6, 1.7e-6], [5e-8, 5e-8]);
        var file = new FitsFile([
            new FitsImage(8, [], []),
            OiTableWriter.Targets([new OiTarget(1, "BINARY", 10.5, -20.25)]),
            OiTableWriter.Wavelength(wavelength),
            OiTableWriter.Vis2("SYNTH", [new OiVis2Row(1, 60000.5, 30, -40, [0.5, 0.25], [0.01, 0.02], [false, true])], 2),
            OiTableWriter.T3("SYNTH", [new OiT3Row(1, 60000.5, 30, -40, 10, 5, [0.1, 0.2], [0.01, 0.01], [12.5, -170], [2, 3], [false, false])], 2),
            new ImageOiOutputParam("FINAL", 12, 1.25, 1.0, true).ToTable(),
        ]);
        try
        {
            file.Write(path);

            AstropyComparison.AssertSameContent(FitsFile.Read(path), await Astropy.DumpAsync(path));
            var read = OiFitsData.Read(FitsFile.Read(path));
            Assert.Equal([0.5, 0.25], read.Vis2[0].Rows[0].Vis2);
            Assert.Equal([false, true], read.Vis2[0].Rows[0].Flag);
            Assert.Equal([12.5, -170], read.T3[0].Rows[0].T3Phi);
            Assert.Equal("SYNTH", read.T3[0].InsName);
            Assert.Equal(new ImageOiOutputParam("FINAL", 12, 1.25, 1.0, true), ImageOiOutputParam.Read(FitsFile.Read(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
