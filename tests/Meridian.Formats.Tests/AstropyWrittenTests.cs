// SPDX-License-Identifier: MIT
using System.Numerics;
using Meridian.Formats.Fits;

namespace Meridian.Formats.Tests;

/// <summary>A file astropy writes with images of every BITPIX (scaled and unsigned) and a table of every TFORM type.</summary>
public sealed class AstropyWrittenTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"meridian-astropy-{Guid.NewGuid():N}.fits");
    private FitsFile _file = null!;

    public async Task InitializeAsync()
    {
        await Astropy.WriteSampleAsync(_path);
        _file = FitsFile.Read(_path);
    }

    public Task DisposeAsync()
    {
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public void Primary_IsScaledWithBscaleAndBzero_AndKeepsItsCards()
    {
        var primary = _file.Primary;

        Assert.Equal(16, primary.Bitpix);
        Assert.Equal([4, 3], primary.Axes);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 10 + (0.5 * i)), primary.Data);
        Assert.Equal(10.5, primary[1, 0]);
        Assert.Equal(12, primary[0, 1]);
        Assert.Equal("O'Brien", primary.Header.GetString("OBSERVER"));
        Assert.Equal(0.75, primary.Header.GetDouble("SEEING"));
        Assert.True(primary.Header.GetBool("CALIB"));
        Assert.Equal(42, primary.Header.GetLong("NFRAMES"));
        Assert.Equal("arcsec", primary.Header.Find("SEEING")!.Comment);
    }

    [Theory]
    [InlineData("U8", 8, 1.0, 0)]
    [InlineData("U16", 16, 1.0, 40000)]
    [InlineData("I32", 32, 1.0, 0)]
    [InlineData("I64", 64, 1.0, 0)]
    [InlineData("F32", -32, 0.125, 0)]
    [InlineData("F64", -64, 0.125, 0)]
    public void Images_OfEveryBitpix_ReadAsTheirPhysicalValues(string name, int bitpix, double factor, double offset)
    {
        var image = _file.Find<FitsImage>(name)!;

        Assert.Equal(bitpix, image.Bitpix);
        Assert.Equal([5, 4], image.Axes);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => offset + (((i * 3) + 1) * factor)), image.Data);
    }

    [Fact]
    public void Table_OfEveryType_ReadsAsWritten()
    {
        var table = _file.Find<FitsBinaryTable>("EVERY_TYPE")!;

        Assert.Equal(3, table.RowCount);
        Assert.Equal("TEST_INS", table.Header.GetString("INSNAME"));
        Assert.Equal([true, false, true, false], table.ReadLogicals("FLAG", 1));
        Assert.Equal(255, table.ReadDouble("BYTE", 2));
        Assert.Equal(32000, table.ReadDouble("SHORT", 2));
        Assert.Equal(40000, table.ReadDouble("USHORT", 1));
        Assert.Equal(65535, table.ReadDouble("USHORT", 2));
        Assert.Equal(-70000, table.ReadDouble("INT", 0));
        Assert.Equal(Math.Pow(2, 50), table.ReadDouble("LONG", 2));
        Assert.Equal("alpha Cen", table.ReadString("NAME", 1));
        Assert.Equal("", table.ReadString("NAME", 2));
        Assert.Equal((double)5.5e-7f, table.ReadDouble("REAL", 0));
        Assert.Equal("m", table.Column("REAL").Unit);
        Assert.Equal(335.684326, table.ReadDouble("DOUBLE", 0));
        Assert.Equal([-1.5, -0.5, 0.5], table.ReadDoubles("XYZ", 1));
        Assert.Equal(100.25, table.ReadDouble("SCALED", 1));
        Assert.Equal(99.5, table.ReadDouble("SCALED", 2));
        Assert.Equal(new Complex(1, 2), table.ReadComplex("CPLX", 0).Single());
        Assert.Equal([new Complex(1, 1), new Complex(2, -2)], table.ReadComplex("DCPLX", 0));
        Assert.Equal([2.5, 3.5, 4.5], table.ReadDoubles("VARLEN", 1));
        Assert.Empty(table.ReadDoubles("VARLEN", 2));
    }

    [Fact]
    public async Task Rewritten_IsIdenticalForAstropy()
    {
        var copy = _path + ".copy.fits";
        try
        {
            _file.Write(copy);
            await Astropy.AssertIdenticalAsync(_path, copy);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
