// SPDX-License-Identifier: MIT
namespace Meridian.Formats.Fits;

/// <summary>
/// A BINTABLE extension. Rows are kept as the stored bytes (with the heap after them), so a table read from a file and
/// written back is unchanged; the typed accessors of <c>FitsBinaryTable.Cells.cs</c> decode and encode single cells.
/// </summary>
public sealed partial class FitsBinaryTable : FitsHdu
{
    private readonly byte[] _rows;
    private readonly byte[] _heap;

    private FitsBinaryTable(FitsHeader header, int rowLength, int rowCount, byte[] rows, byte[] heap) : base(header)
    {
        var fields = (int)(header.GetLong("TFIELDS") ?? 0);
        var columns = new List<FitsColumn>(fields);
        var offset = 0;
        for (var i = 1; i <= fields; i++)
        {
            var column = FitsColumn.Parse(header, i, offset);
            columns.Add(column);
            offset += column.Width;
        }

        if (offset != rowLength)
        {
            throw new FitsFormatException($"the columns' formats add up to {offset} bytes a row, but NAXIS1 = {rowLength}");
        }

        Columns = columns;
        RowLength = rowLength;
        RowCount = rowCount;
        _rows = rows;
        _heap = heap;
    }

    public IReadOnlyList<FitsColumn> Columns { get; }

    public int RowLength { get; }

    public int RowCount { get; }

    internal override long DataLength => _rows.Length + _heap.Length;

    /// <summary>A new table of <paramref name="rowCount"/> zeroed rows; cells are then set with the Write methods.</summary>
    public static FitsBinaryTable Create(string? extName, IReadOnlyList<FitsColumnSpec> columns, int rowCount, FitsHeader? header = null)
    {
        var cards = header?.Clone() ?? new FitsHeader();
        var specified = new FitsHeader();
        specified.Set("TFIELDS", (long)columns.Count);
        var rowLength = 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var spec = columns[i];
            if (spec.Format.Contains('P', StringComparison.Ordinal) || spec.Format.Contains('Q', StringComparison.Ordinal))
            {
                throw new FitsFormatException("variable-length arrays (P, Q) are read but not written");
            }

            specified.Set($"TTYPE{i + 1}", spec.Name);
            specified.Set($"TFORM{i + 1}", spec.Format);
            if (spec.Unit is not null)
            {
                specified.Set($"TUNIT{i + 1}", spec.Unit);
            }

            rowLength += FitsColumn.Parse(specified, i + 1, 0).Width;
        }

        foreach (var card in specified.Cards)
        {
            cards.Put(card);
        }

        if (extName is not null)
        {
            cards.Set("EXTNAME", extName);
        }

        return new FitsBinaryTable(cards, rowLength, rowCount, new byte[(long)rowLength * rowCount], []);
    }

    public FitsColumn Column(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FitsFormatException($"table {Name} has no column {name}");

    public bool HasColumn(string name) => Columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    internal static FitsBinaryTable Read(FitsHeader header, byte[] data)
    {
        if (header.Require("BITPIX") != 8 || header.Require("NAXIS") != 2)
        {
            throw new FitsFormatException("a BINTABLE must have BITPIX = 8 and NAXIS = 2");
        }

        var rowLength = checked((int)header.Require("NAXIS1"));
        var rowCount = checked((int)header.Require("NAXIS2"));
        var mainLength = (long)rowLength * rowCount;
        var heapStart = header.GetLong("THEAP") ?? mainLength;
        var rows = data[..(int)mainLength];
        // The heap keeps its gap after the rows (THEAP), so descriptors' offsets stay right when written back.
        var heap = data[(int)mainLength..];
        if (heapStart < mainLength)
        {
            throw new FitsFormatException("THEAP points inside the table's rows");
        }

        return new FitsBinaryTable(header, rowLength, rowCount, rows, heap);
    }

    internal override IEnumerable<FitsCard> StructuralCards(bool primary)
    {
        if (primary)
        {
            throw new FitsFormatException("a binary table cannot be the primary HDU");
        }

        yield return FitsCard.Create("XTENSION", FitsCard.QuoteString("BINTABLE"), "binary table extension");
        yield return Card("BITPIX", 8, "8-bit bytes");
        yield return Card("NAXIS", 2, "2-dimensional binary table");
        yield return Card("NAXIS1", RowLength, "width of a row in bytes");
        yield return Card("NAXIS2", RowCount, "number of rows");
        yield return Card("PCOUNT", _heap.Length, "size of the heap");
        yield return Card("GCOUNT", 1, "one data group");
        yield return Card("TFIELDS", Columns.Count, "number of fields in each row");
    }

    internal override void WriteData(Stream stream)
    {
        stream.Write(_rows);
        stream.Write(_heap);
    }

    private Span<byte> Cell(FitsColumn column, int row)
    {
        if ((uint)row >= (uint)RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"table {Name} has {RowCount} rows");
        }

        return _rows.AsSpan((row * RowLength) + column.Offset, column.Width);
    }

    private ReadOnlySpan<byte> HeapArea(FitsColumn column, int row, out int count)
    {
        var cell = Cell(column, row);
        long length, offset;
        if (column.Type == 'P')
        {
            length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cell);
            offset = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cell[4..]);
        }
        else
        {
            length = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(cell);
            offset = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(cell[8..]);
        }

        var size = FitsColumn.ElementSize(column.ElementType!.Value);
        var heapStart = (Header.GetLong("THEAP") ?? _rows.Length) - _rows.Length;
        var start = heapStart + offset;
        if (length < 0 || offset < 0 || start + (length * size) > _heap.Length)
        {
            throw new FitsFormatException($"column {column.Name}, row {row}: a variable-length array points outside the heap");
        }

        count = (int)length;
        return _heap.AsSpan((int)start, (int)(length * size));
    }
}

/// <summary>A column of a table to create: its TTYPE, TFORM (e.g. "1D", "16A", "8L") and TUNIT.</summary>
public sealed record FitsColumnSpec(string Name, string Format, string? Unit = null);
