// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Meridian.Formats.Fits;

/// <summary>Typed reads and writes of single cells; numbers are physical values (TZERO + TSCAL × stored).</summary>
public sealed partial class FitsBinaryTable
{
    public double[] ReadDoubles(string column, int row) => ReadDoubles(Column(column), row);

    public double[] ReadDoubles(FitsColumn column, int row)
    {
        var type = column.IsVariableLength ? column.ElementType!.Value : column.Type;
        ReadOnlySpan<byte> bytes;
        int count;
        if (column.IsVariableLength)
        {
            bytes = HeapArea(column, row, out count);
        }
        else
        {
            bytes = Cell(column, row);
            count = column.Repeat;
        }

        if (type is not ('B' or 'I' or 'J' or 'K' or 'E' or 'D'))
        {
            throw new FitsFormatException($"column {column.Name} ({column.Format}) does not hold real or integer numbers");
        }

        var size = FitsColumn.ElementSize(type);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var cell = bytes.Slice(i * size, size);
            double stored = type switch
            {
                'B' => cell[0],
                'I' => BinaryPrimitives.ReadInt16BigEndian(cell),
                'J' => BinaryPrimitives.ReadInt32BigEndian(cell),
                'K' => BinaryPrimitives.ReadInt64BigEndian(cell),
                'E' => BinaryPrimitives.ReadSingleBigEndian(cell),
                _ => BinaryPrimitives.ReadDoubleBigEndian(cell),
            };
            values[i] = column.Zero + (column.Scale * stored);
        }

        return values;
    }

    public double ReadDouble(string column, int row)
    {
        var values = ReadDoubles(column, row);
        return values.Length > 0 ? values[0] : double.NaN;
    }

    /// <summary>A character field, without its trailing blanks and what follows a NUL (FITS 4.0 §7.3.3.1).</summary>
    public string ReadString(string column, int row)
    {
        var field = Column(column);
        if (field.Type != 'A')
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) is not a character field");
        }

        var bytes = Cell(field, row);
        var nul = bytes.IndexOf((byte)0);
        return Encoding.ASCII.GetString(nul < 0 ? bytes : bytes[..nul]).TrimEnd();
    }

    /// <summary>Logical values; a null (0) reads as false.</summary>
    public bool[] ReadLogicals(string column, int row)
    {
        var field = Column(column);
        if (field.Type != 'L')
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) is not a logical field");
        }

        var bytes = Cell(field, row);
        var values = new bool[field.Repeat];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = bytes[i] == (byte)'T';
        }

        return values;
    }

    public Complex[] ReadComplex(string column, int row)
    {
        var field = Column(column);
        if (field.Type is not ('C' or 'M'))
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) is not a complex field");
        }

        var bytes = Cell(field, row);
        var values = new Complex[field.Repeat];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = field.Type == 'C'
                ? new Complex(BinaryPrimitives.ReadSingleBigEndian(bytes[(i * 8)..]), BinaryPrimitives.ReadSingleBigEndian(bytes[((i * 8) + 4)..]))
                : new Complex(BinaryPrimitives.ReadDoubleBigEndian(bytes[(i * 16)..]), BinaryPrimitives.ReadDoubleBigEndian(bytes[((i * 16) + 8)..]));
        }

        return values;
    }

    public void WriteDoubles(string column, int row, params double[] values)
    {
        var field = Column(column);
        if (field.Type is not ('B' or 'I' or 'J' or 'K' or 'E' or 'D') || values.Length != field.Repeat)
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) takes {field.Repeat} numbers, not {values.Length}");
        }

        var cell = Cell(field, row);
        var size = FitsColumn.ElementSize(field.Type);
        for (var i = 0; i < values.Length; i++)
        {
            var target = cell.Slice(i * size, size);
            var stored = (values[i] - field.Zero) / field.Scale;
            switch (field.Type)
            {
                case 'B': target[0] = checked((byte)Math.Round(stored)); break;
                case 'I': BinaryPrimitives.WriteInt16BigEndian(target, checked((short)Math.Round(stored))); break;
                case 'J': BinaryPrimitives.WriteInt32BigEndian(target, checked((int)Math.Round(stored))); break;
                case 'K': BinaryPrimitives.WriteInt64BigEndian(target, checked((long)Math.Round(stored))); break;
                case 'E': BinaryPrimitives.WriteSingleBigEndian(target, (float)stored); break;
                default: BinaryPrimitives.WriteDoubleBigEndian(target, stored); break;
            }
        }
    }

    public void WriteString(string column, int row, string value)
    {
        var field = Column(column);
        if (field.Type != 'A' || value.Length > field.Repeat || !FitsCard.IsPrintable(value))
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) takes at most {field.Repeat} printable ASCII characters");
        }

        var cell = Cell(field, row);
        cell.Fill((byte)' ');
        Encoding.ASCII.GetBytes(value, cell);
    }

    public void WriteLogicals(string column, int row, params bool[] values)
    {
        var field = Column(column);
        if (field.Type != 'L' || values.Length != field.Repeat)
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) takes {field.Repeat} logicals, not {values.Length}");
        }

        var cell = Cell(field, row);
        for (var i = 0; i < values.Length; i++)
        {
            cell[i] = values[i] ? (byte)'T' : (byte)'F';
        }
    }

    public void WriteComplex(string column, int row, params Complex[] values)
    {
        var field = Column(column);
        if (field.Type is not ('C' or 'M') || values.Length != field.Repeat)
        {
            throw new FitsFormatException($"column {field.Name} ({field.Format}) takes {field.Repeat} complex numbers, not {values.Length}");
        }

        var cell = Cell(field, row);
        for (var i = 0; i < values.Length; i++)
        {
            if (field.Type == 'C')
            {
                BinaryPrimitives.WriteSingleBigEndian(cell[(i * 8)..], (float)values[i].Real);
                BinaryPrimitives.WriteSingleBigEndian(cell[((i * 8) + 4)..], (float)values[i].Imaginary);
            }
            else
            {
                BinaryPrimitives.WriteDoubleBigEndian(cell[(i * 16)..], values[i].Real);
                BinaryPrimitives.WriteDoubleBigEndian(cell[((i * 16) + 8)..], values[i].Imaginary);
            }
        }
    }
}
