// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Formats.Png;

namespace Meridian.Formats.Tests;

public sealed class PngWriterTests
{
    [Fact]
    public async Task WriteScaled_GivesAValidGreyscalePng_TopRowFirst()
    {
        var path = Path.Combine(Path.GetTempPath(), $"meridian-{Guid.NewGuid():N}.png");
        try
        {
            using (var stream = File.Create(path))
            {
                // FITS order: the first row (y = 0) is the bottom one.
                PngWriter.WriteScaled(stream, 3, 2, [0, 1, 2, 3, 4, 6]);
            }

            var (code, output) = await Astropy.RunAsync("png_check.py", path);
            Assert.True(code == 0, output);
            var png = JsonDocument.Parse(output).RootElement;
            Assert.Equal(3, png.GetProperty("width").GetInt32());
            Assert.Equal(2, png.GetProperty("height").GetInt32());
            Assert.Equal(8, png.GetProperty("depth").GetInt32());
            Assert.Equal(0, png.GetProperty("colour").GetInt32());
            var rows = png.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();
            Assert.Equal([128, 170, 255], rows[0]);
            Assert.Equal([0, 42, 85], rows[1]);  // 42.5 and 127.5 round to even
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteGrey_OfTheWrongNumberOfPixels_Refuses() =>
        Assert.Throws<ArgumentException>(() => PngWriter.WriteGrey(new MemoryStream(), 2, 2, new byte[3]));
}
