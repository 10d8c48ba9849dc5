// SPDX-License-Identifier: MIT
namespace Meridian.Formats.Fits;

/// <summary>
/// One header-and-data unit. The header holds every card but the structural ones (SIMPLE, XTENSION, BITPIX, NAXIS*,
/// EXTEND, PCOUNT, GCOUNT, TFIELDS), which are written from the data itself so that they can never disagree with it.
/// </summary>
public abstract class FitsHdu
{
    private static readonly HashSet<string> Structural =
        ["SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "TFIELDS", "END"];

    protected FitsHdu(FitsHeader header)
    {
        Header = new FitsHeader(header.Cards.Where(card => card.IsCommentary || !IsStructural(card.Keyword)));
    }

    public FitsHeader Header { get; }

    /// <summary>EXTNAME, or HDUNAME (the IMAGE-OI name of an image) when there is no EXTNAME.</summary>
    public string? Name => Header.GetString("EXTNAME") ?? Header.GetString("HDUNAME");

    /// <summary>Whether the HDU is called <paramref name="name"/> by its EXTNAME or its HDUNAME (case-insensitive, as FITS names are).</summary>
    public bool IsNamed(string name) =>
        string.Equals(Header.GetString("EXTNAME"), name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Header.GetString("HDUNAME"), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The structural cards, in the order the standard requires.</summary>
    internal abstract IEnumerable<FitsCard> StructuralCards(bool primary);

    internal abstract void WriteData(Stream stream);

    internal abstract long DataLength { get; }

    internal static bool IsStructural(string keyword) =>
        Structural.Contains(keyword) || (keyword.StartsWith("NAXIS", StringComparison.Ordinal) && keyword.Length > 5 && keyword[5..].All(char.IsAsciiDigit));

    internal static FitsCard Card(string keyword, long value, string comment) =>
        FitsCard.Create(keyword, value.ToString(System.Globalization.CultureInfo.InvariantCulture), comment);
}
