// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Text.Json;
using Meridian.Formats.Fits;

namespace Meridian.Formats.Tests;

/// <summary>Files this library writes, read by astropy.</summary>
public sealed class MeridianWrittenTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"meridian-written-{Guid.NewGuid():N}.fits");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task ImagesOfEveryBitpix_WithScaling_ReadInAstropyAsTheirPhysicalValues()
    {
        var values = Enumerable.Range(0, 6).Select(i => 100 + (2.5 * i)).ToArray();
        var scaled = new FitsHeader();
        scaled.Set("BSCALE", 2.5);
        scaled.Set("BZERO", 100.0);
        var unsigned = new FitsHeader();
        unsigned.Set("BZERO", 32768L);
        var file = new FitsFile([new FitsImage(16, [3, 2], values, scaled)]);
        foreach (var bitpix in new[] { 8, 16, 32, 64, -32, -64 })
        {
            var header = new FitsHeader();
            header.Set("EXTNAME", $"BITPIX{bitpix}".Replace('-', 'M'));
            file.Hdus.Add(new FitsImage(bitpix, [2, 3], [0, 1, 2, 3, 4, 250], header));
        }

        var u16 = unsigned.Clone();
        u16.Set("EXTNAME", "UNSIGNED");
        file.Hdus.Add(new FitsImage(16, [2], [0, 65535], u16));
        file.Write(_path);

        var hdus = (await Astropy.DumpAsync(_path)).EnumerateArray().ToList();

        Assert.Equal(values, Data(hdus[0]));
        Assert.Equal([2, 3], hdus[0].GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()));
        for (var i = 1; i <= 6; i++)
        {
            Assert.Equal([0, 1, 2, 3, 4, 250], Data(hdus[i]));
        }

        Assert.Equal("BITPIXM32", hdus[5].GetProperty("name").GetString());
        Assert.Equal([0, 65535], Data(hdus[7]));
    }

    [Fact]
    public async Task TableOfEveryWrittenType_AndHeaderValues_ReadInAstropyAsWritten()
    {
        var table = FitsBinaryTable.Create("EVERY_TYPE", [
            new("FLAG", "3L"), new("BYTE", "B"), new("SHORT", "1I"), new("INT", "J"), new("LONG", "K"), new("NAME", "16A"),
            new("REAL", "E", "m"), new("DOUBLE", "2D", "deg"), new("CPLX", "C"), new("DCPLX", "M"),
        ], 2);
        for (var row = 0; row < 2; row++)
        {
            table.WriteLogicals("FLAG", row, row == 0, true, false);
            table.WriteDoubles("BYTE", row, 200 + row);
            table.WriteDoubles("SHORT", row, -1000 - row);
            table.WriteDoubles("INT", row, 123456 * (row + 1));
            table.WriteDoubles("LONG", row, 1L << (40 + row));
            table.WriteString("NAME", row, row == 0 ? "It's a star" : "");
            table.WriteDoubles("REAL", row, 0.5 + row);
            table.WriteDoubles("DOUBLE", row, 335.684326, -45.94799 * row);
            table.WriteComplex("CPLX", row, new Complex(1.5, -row));
            table.WriteComplex("DCPLX", row, new Complex(-2.25, 1e-12));
        }

        table.Header.Set("QUOTED", "O'Brien's", "a quoted quote");
        table.Header.Set("TINY", 1e-300);
        table.Header.Set("WHOLE", 3.0);
        table.Header.Set("COUNT", 7L);
        table.Header.Set("DONE", false);
        table.Header.Set("NOTHING", (string?)null, "an undefined value");
        var file = new FitsFile([new FitsImage(8, [], []), table]);
        file.Write(_path);

        var dumped = (await Astropy.DumpAsync(_path)).EnumerateArray().ToList();

        Assert.Equal("PrimaryHDU", dumped[0].GetProperty("kind").GetString());
        var header = dumped[1].GetProperty("header");
        Assert.Equal("O'Brien's", header.GetProperty("QUOTED").GetString());
        Assert.Equal(1e-300, header.GetProperty("TINY").GetDouble());
        Assert.Equal(3.0, header.GetProperty("WHOLE").GetDouble());
        Assert.Equal(JsonValueKind.Number, header.GetProperty("WHOLE").ValueKind);
        Assert.Equal(7, header.GetProperty("COUNT").GetInt32());
        Assert.False(header.GetProperty("DONE").GetBoolean());
        Assert.Equal(JsonValueKind.Null, header.GetProperty("NOTHING").ValueKind);
        AstropyComparison.AssertSameContent(FitsFile.Read(_path), await Astropy.DumpAsync(_path));
        var columns = dumped[1].GetProperty("columns");
        Assert.Equal("It's a star", columns.GetProperty("NAME")[0][0].GetString());
        Assert.Equal(1L << 41, columns.GetProperty("LONG")[1][0].GetInt64());
        Assert.Equal(-45.94799, columns.GetProperty("DOUBLE")[1][1].GetDouble());
        Assert.Equal(-1.0, columns.GetProperty("CPLX")[1][0][1].GetDouble());
    }

    [Fact]
    public void Write_OfAValueTheFormatCannotHold_SaysWhy()
    {
        var header = new FitsHeader();

        Assert.Throws<FitsFormatException>(() => header.Set("LONGNAME1", 1L));
        Assert.Throws<FitsFormatException>(() => header.Set("TEXT", new string('x', 80)));
        Assert.Throws<FitsFormatException>(() => header.Set("TEXT", "é"));
        var tooBig = Assert.Throws<FitsFormatException>(() => new FitsFile([new FitsImage(8, [1], [300])]).Write(new MemoryStream()));
        Assert.Contains("does not fit BITPIX 8", tooBig.Message);
    }

    private static double[] Data(JsonElement hdu) => hdu.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
