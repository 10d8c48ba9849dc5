// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Formats.Fits;

/// <summary>
/// A binary-table field (FITS 4.0 §7.3): its TFORM "rT" (repeat count r, type T among L X B I J K A E D C M, or a
/// variable-length array P/Q with its element type), TTYPE, TUNIT, TSCAL/TZERO and its byte offset in a row.
/// </summary>
public sealed partial class FitsColumn
{
    private FitsColumn(string name, string format, char type, int repeat, char? elementType, string? unit, double scale, double zero, int offset)
    {
        Name = name;
        Format = format;
        Type = type;
        Repeat = repeat;
        ElementType = elementType;
        Unit = unit;
        Scale = scale;
        Zero = zero;
        Offset = offset;
    }

    public string Name { get; }

    public string Format { get; }

    public char Type { get; }

    public int Repeat { get; }

    /// <summary>For a variable-length array (P or Q), the type of its elements in the heap.</summary>
    public char? ElementType { get; }

    public string? Unit { get; }

    public double Scale { get; }

    public double Zero { get; }

    public int Offset { get; }

    public bool IsVariableLength => Type is 'P' or 'Q';

    /// <summary>Bytes the field takes in a row.</summary>
    public int Width => Type == 'X' ? (Repeat + 7) / 8 : Repeat * ElementSize(Type);

    internal static FitsColumn Parse(FitsHeader header, int index, int offset)
    {
        var format = header.GetString($"TFORM{index}")
            ?? throw new FitsFormatException($"column {index} has no TFORM{index}");
        var match = TformPattern().Match(format.Trim());
        if (!match.Success)
        {
            throw new FitsFormatException($"TFORM{index} = '{format}' is not a binary-table format");
        }

        var repeat = match.Groups[1].Value.Length == 0 ? 1 : int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var type = match.Groups[2].Value[0];
        char? element = null;
        if (type is 'P' or 'Q')
        {
            var rest = match.Groups[3].Value;
            if (rest.Length == 0 || "LXBIJKAEDCM".IndexOf(rest[0], StringComparison.Ordinal) < 0)
            {
                throw new FitsFormatException($"TFORM{index} = '{format}' names no element type for its variable-length array");
            }

            element = rest[0];
        }

        var name = header.GetString($"TTYPE{index}") ?? $"COL{index}";
        return new FitsColumn(
            name, format.Trim(), type, repeat, element, header.GetString($"TUNIT{index}"),
            header.GetDouble($"TSCAL{index}") ?? 1, header.GetDouble($"TZERO{index}") ?? 0, offset);
    }

    internal static int ElementSize(char type) => type switch
    {
        'L' or 'B' or 'A' => 1,
        'I' => 2,
        'J' or 'E' => 4,
        'K' or 'D' or 'C' => 8,
        'M' => 16,
        'P' => 8,
        'Q' => 16,
        'X' => 1,
        _ => throw new FitsFormatException($"'{type}' is not a binary-table type"),
    };

    [GeneratedRegex("^([0-9]*)([LXBIJKAEDCMPQ])(.*)$")]
    private static partial Regex TformPattern();
}
