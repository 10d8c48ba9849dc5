// SPDX-License-Identifier: MIT
namespace Meridian.Formats.Fits;

/// <summary>An extension this library does not interpret (an ASCII TABLE, a foreign extension): kept byte for byte.</summary>
public sealed class FitsRawHdu : FitsHdu
{
    private readonly FitsCard[] _structural;
    private readonly byte[] _data;

    internal FitsRawHdu(FitsHeader header, byte[] data) : base(header)
    {
        _structural = header.Cards.Where(card => !card.IsCommentary && IsStructural(card.Keyword)).ToArray();
        _data = data;
    }

    public string Extension => _structural.Select(c => c.Keyword == "XTENSION" ? c.RawValue : null).FirstOrDefault(v => v is not null)?.Trim('\'', ' ') ?? "";

    internal override long DataLength => _data.Length;

    internal override IEnumerable<FitsCard> StructuralCards(bool primary) =>
        primary ? throw new FitsFormatException($"a {Extension} extension cannot be the primary HDU") : _structural;

    internal override void WriteData(Stream stream) => stream.Write(_data);
}
