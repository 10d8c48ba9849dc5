// SPDX-License-Identifier: MIT
using System.Buffers.Binary;

namespace Meridian.Formats.Fits;

/// <summary>
/// An image: the primary array or an IMAGE extension, of any BITPIX (8, 16, 32, 64, -32, -64). <see cref="Data"/> holds
/// the physical values BZERO + BSCALE × stored, the first axis varying fastest (FITS order: index = x + NAXIS1 × y …);
/// integer pixels equal to BLANK read as NaN and NaN is written as BLANK. 64-bit integers go through a double, so
/// those beyond 2^53 lose their last digits.
/// </summary>
public sealed class FitsImage : FitsHdu
{
    public FitsImage(int bitpix, IReadOnlyList<int> axes, double[] data, FitsHeader? header = null) : base(header ?? new FitsHeader())
    {
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new FitsFormatException($"BITPIX {bitpix} is not one of 8, 16, 32, 64, -32, -64");
        }

        long count = axes.Count == 0 ? 0 : 1;
        foreach (var axis in axes)
        {
            if (axis < 0)
            {
                throw new FitsFormatException("an image axis cannot have a negative length");
            }

            count *= axis;
        }

        if (count != data.Length)
        {
            throw new FitsFormatException($"the image has {data.Length} values for axes of {count} pixels");
        }

        Bitpix = bitpix;
        Axes = axes.ToArray();
        Data = data;
    }

    public int Bitpix { get; }

    public IReadOnlyList<int> Axes { get; }

    public double[] Data { get; }

    public int Width => Axes.Count > 0 ? Axes[0] : 0;

    public int Height => Axes.Count > 1 ? Axes[1] : (Axes.Count == 1 ? 1 : 0);

    public double this[int x, int y] => Data[x + (Width * y)];

    internal override long DataLength => (long)Data.Length * Math.Abs(Bitpix) / 8;

    internal static FitsImage Read(FitsHeader header, ReadOnlySpan<byte> bytes)
    {
        var bitpix = (int)header.Require("BITPIX");
        var naxis = (int)header.Require("NAXIS");
        var axes = new int[naxis];
        for (var i = 0; i < naxis; i++)
        {
            axes[i] = checked((int)header.Require($"NAXIS{i + 1}"));
        }

        var count = naxis == 0 ? 0 : axes.Aggregate(1L, (product, axis) => product * axis);
        var scale = header.GetDouble("BSCALE") ?? 1;
        var zero = header.GetDouble("BZERO") ?? 0;
        var blank = bitpix > 0 ? header.GetLong("BLANK") : null;
        var data = new double[count];
        var size = Math.Abs(bitpix) / 8;
        for (var i = 0; i < count; i++)
        {
            var cell = bytes.Slice(i * size, size);
            double stored;
            switch (bitpix)
            {
                case 8: stored = cell[0]; break;
                case 16: stored = BinaryPrimitives.ReadInt16BigEndian(cell); break;
                case 32: stored = BinaryPrimitives.ReadInt32BigEndian(cell); break;
                case 64: stored = BinaryPrimitives.ReadInt64BigEndian(cell); break;
                case -32: stored = BinaryPrimitives.ReadSingleBigEndian(cell); break;
                case -64: stored = BinaryPrimitives.ReadDoubleBigEndian(cell); break;
                default: throw new FitsFormatException($"BITPIX {bitpix} is not one of 8, 16, 32, 64, -32, -64");
            }

            data[i] = blank is not null && bitpix > 0 && stored == blank.Value ? double.NaN : zero + (scale * stored);
        }

        return new FitsImage(bitpix, axes, data, header);
    }

    internal override IEnumerable<FitsCard> StructuralCards(bool primary)
    {
        yield return primary
            ? FitsCard.Create("SIMPLE", "T", "conforms to FITS standard")
            : FitsCard.Create("XTENSION", FitsCard.QuoteString("IMAGE"), "image extension");
        yield return Card("BITPIX", Bitpix, "bits per data value");
        yield return Card("NAXIS", Axes.Count, "number of data axes");
        for (var i = 0; i < Axes.Count; i++)
        {
            yield return Card($"NAXIS{i + 1}", Axes[i], $"length of data axis {i + 1}");
        }

        if (primary)
        {
            yield return FitsCard.Create("EXTEND", "T", "may contain extensions");
        }
        else
        {
            yield return Card("PCOUNT", 0, "no parameters");
            yield return Card("GCOUNT", 1, "one group");
        }
    }

    internal override void WriteData(Stream stream)
    {
        var scale = Header.GetDouble("BSCALE") ?? 1;
        var zero = Header.GetDouble("BZERO") ?? 0;
        var blank = Header.GetLong("BLANK");
        var size = Math.Abs(Bitpix) / 8;
        var buffer = new byte[size * Data.Length];
        for (var i = 0; i < Data.Length; i++)
        {
            var cell = buffer.AsSpan(i * size, size);
            var stored = (Data[i] - zero) / scale;
            if (Bitpix > 0)
            {
                WriteInteger(cell, stored, blank);
            }
            else if (Bitpix == -32)
            {
                BinaryPrimitives.WriteSingleBigEndian(cell, (float)stored);
            }
            else
            {
                BinaryPrimitives.WriteDoubleBigEndian(cell, stored);
            }
        }

        stream.Write(buffer);
    }

    private void WriteInteger(Span<byte> cell, double stored, long? blank)
    {
        long value;
        if (double.IsNaN(stored))
        {
            value = blank ?? throw new FitsFormatException("an integer image holds NaN but its header has no BLANK");
        }
        else
        {
            var rounded = Math.Round(stored, MidpointRounding.AwayFromZero);
            var (min, max) = Bitpix switch
            {
                8 => (0d, 255d),
                16 => (short.MinValue, (double)short.MaxValue),
                32 => (int.MinValue, (double)int.MaxValue),
                _ => (long.MinValue, (double)long.MaxValue),
            };
            if (rounded < min || rounded > max)
            {
                throw new FitsFormatException($"the value {stored} does not fit BITPIX {Bitpix} (change BSCALE/BZERO or BITPIX)");
            }

            value = (long)rounded;
        }

        switch (Bitpix)
        {
            case 8: cell[0] = (byte)value; break;
            case 16: BinaryPrimitives.WriteInt16BigEndian(cell, (short)value); break;
            case 32: BinaryPrimitives.WriteInt32BigEndian(cell, (int)value); break;
            default: BinaryPrimitives.WriteInt64BigEndian(cell, value); break;
        }
    }
}
