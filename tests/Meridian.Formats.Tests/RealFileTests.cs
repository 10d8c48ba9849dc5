// SPDX-License-Identifier: MIT
using Meridian.Formats.Fits;

namespace Meridian.Formats.Tests;

/// <summary>The real OIFITS files of the JMMC read as astropy reads them, and written back unchanged.</summary>
public sealed class RealFileTests
{
    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public async Task Read_GivesWhatAstropyReads(string name)
    {
        var path = SampleFiles.PathOf(name);

        var file = FitsFile.Read(path);

        AstropyComparison.AssertSameContent(file, await Astropy.DumpAsync(path));
    }

    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public async Task Write_OfAFileRead_IsIdenticalForAstropy(string name)
    {
        var path = SampleFiles.PathOf(name);
        var copy = Path.Combine(Path.GetTempPath(), $"meridian-{Guid.NewGuid():N}.fits");
        try
        {
            FitsFile.Read(path).Write(copy);

            await Astropy.AssertIdenticalAsync(path, copy);
            Assert.Equal(0, new FileInfo(copy).Length % FitsFile.BlockSize);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void Read_KeepsUndefinedValuesCommentsAndNamesOfImages()
    {
        var file = FitsFile.Read(SampleFiles.PathOf(SampleFiles.BinaryMirc));

        var input = file.Find<FitsBinaryTable>("IMAGE-OI INPUT PARAM")!;
        Assert.True(input.Header.Contains("TARGET"));
        Assert.Null(input.Header.GetString("TARGET"));
        Assert.Equal("No target specified", input.Header.Find("TARGET")!.Comment);
        Assert.Equal(1e11, input.Header.GetDouble("UV_MAX"));
        Assert.Equal("OUTPUT19", file.Primary.Header.GetString("HDUNAME"));
        Assert.Same(file.Hdus[1], file.Find("IMAGE-OI INITIAL IMAGE"));
        Assert.Equal([128, 128], file.Find<FitsImage>("OUTPUT19")!.Axes);
    }

    [Fact]
    public void Read_OfAnEmptyPrimaryArrayWithOneAxis_GivesNoPixels()
    {
        var file = FitsFile.Read(SampleFiles.PathOf(SampleFiles.Mystery));

        Assert.Equal(8, file.Primary.Bitpix);
        Assert.Equal([0], file.Primary.Axes);
        Assert.Empty(file.Primary.Data);
    }

    [Fact]
    public void Read_OfATruncatedFile_SaysWhereItEnds()
    {
        var bytes = File.ReadAllBytes(SampleFiles.PathOf(SampleFiles.Fkv1137));

        var error = Assert.Throws<FitsFormatException>(() => FitsFile.Read(new MemoryStream(bytes[..9000])));

        Assert.Contains("ends inside the data", error.Message);
    }

    [Fact]
    public void Read_OfSomethingElse_SaysItIsNotFits()
    {
        var error = Assert.Throws<FitsFormatException>(() => FitsFile.Read(new MemoryStream(new byte[2880])));

        Assert.Contains("not a FITS file", error.Message);
    }
}
