// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Formats.Fits;

namespace Meridian.Formats.Tests;

/// <summary>Asserts that what this library reads in a file is what astropy reads in it, HDU by HDU and cell by cell.</summary>
public static class AstropyComparison
{
    public static void AssertSameContent(FitsFile file, JsonElement astropy)
    {
        var hdus = astropy.EnumerateArray().ToList();
        Assert.Equal(hdus.Count, file.Hdus.Count);
        for (var i = 0; i < hdus.Count; i++)
        {
            var expected = hdus[i];
            var hdu = file.Hdus[i];
            var header = expected.GetProperty("header");
            if (header.TryGetProperty("EXTNAME", out var extName))
            {
                Assert.Equal(extName.GetString(), hdu.Header.GetString("EXTNAME"));
            }

            switch (hdu)
            {
                case FitsImage image:
                    AssertSameImage(image, expected);
                    break;
                case FitsBinaryTable table:
                    AssertSameTable(table, expected.GetProperty("columns"));
                    break;
                default:
                    Assert.Fail($"HDU {i} was not decoded");
                    break;
            }
        }
    }

    private static void AssertSameImage(FitsImage image, JsonElement expected)
    {
        if (!expected.TryGetProperty("data", out var data))
        {
            Assert.Empty(image.Data);
            return;
        }

        var values = data.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToArray();
        Assert.Equal(values.Length, image.Data.Length);
        for (var j = 0; j < values.Length; j++)
        {
            Assert.Equal(values[j], image.Data[j]);
        }

        // astropy's shape is numpy's (slowest axis first); FITS axes run the other way.
        var shape = expected.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).Reverse().ToArray();
        Assert.Equal(shape, image.Axes);
    }

    private static void AssertSameTable(FitsBinaryTable table, JsonElement columns)
    {
        Assert.Equal(columns.EnumerateObject().Select(c => c.Name), table.Columns.Select(c => c.Name));
        foreach (var column in table.Columns)
        {
            var rows = columns.GetProperty(column.Name).EnumerateArray().ToList();
            Assert.Equal(table.RowCount, rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                var cells = rows[row].EnumerateArray().ToList();
                var type = column.IsVariableLength ? column.ElementType : column.Type;
                switch (type)
                {
                    case 'A':
                        Assert.Equal(cells.Single().GetString(), table.ReadString(column.Name, row));
                        break;
                    case 'L':
                        Assert.Equal(cells.Select(c => c.GetBoolean()), table.ReadLogicals(column.Name, row));
                        break;
                    case 'C' or 'M':
                        var complex = table.ReadComplex(column.Name, row);
                        Assert.Equal(cells.Select(c => c[0].GetDouble()), complex.Select(c => c.Real));
                        Assert.Equal(cells.Select(c => c[1].GetDouble()), complex.Select(c => c.Imaginary));
                        break;
                    default:
                        Assert.Equal(cells.Select(c => c.ValueKind == JsonValueKind.Null ? double.NaN : c.GetDouble()), table.ReadDoubles(column, row));
                        break;
                }
            }
        }
    }
}
