// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Formats.Fits;

/// <summary>
/// The ordered cards of one HDU's header, without END. Typed reads parse the value as the standard writes it
/// (strings quoted with '' for a quote, T/F logicals, integers, reals with E or D exponents).
/// </summary>
public sealed class FitsHeader
{
    private readonly List<FitsCard> _cards = [];

    public FitsHeader()
    {
    }

    public FitsHeader(IEnumerable<FitsCard> cards) => _cards.AddRange(cards);

    public IReadOnlyList<FitsCard> Cards => _cards;

    public bool Contains(string keyword) => Find(keyword) is not null;

    public FitsCard? Find(string keyword) =>
        _cards.FirstOrDefault(card => !card.IsCommentary && string.Equals(card.Keyword, keyword, StringComparison.Ordinal));

    public string? GetString(string keyword)
    {
        var raw = Find(keyword)?.RawValue;
        if (raw is null)
        {
            return null;
        }

        if (!raw.StartsWith('\''))
        {
            return raw;
        }

        // Leading blanks are significant, trailing ones are not (FITS 4.0 §4.2.1.1).
        return raw[1..^1].Replace("''", "'", StringComparison.Ordinal).TrimEnd();
    }

    public double? GetDouble(string keyword)
    {
        var raw = Find(keyword)?.RawValue;
        if (raw is null || raw.StartsWith('\''))
        {
            return null;
        }

        var text = raw.Replace('D', 'E').Replace('d', 'E');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FitsFormatException($"keyword {keyword}: '{raw}' is not a number");
    }

    public long? GetLong(string keyword)
    {
        var raw = Find(keyword)?.RawValue;
        if (raw is null)
        {
            return null;
        }

        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FitsFormatException($"keyword {keyword}: '{raw}' is not an integer");
    }

    public bool? GetBool(string keyword) => Find(keyword)?.RawValue switch
    {
        null => null,
        "T" => true,
        "F" => false,
        var raw => throw new FitsFormatException($"keyword {keyword}: '{raw}' is not a logical (T or F)"),
    };

    public long Require(string keyword) =>
        GetLong(keyword) ?? throw new FitsFormatException($"the mandatory keyword {keyword} is missing");

    public void Set(string keyword, string? value, string? comment = null) =>
        Put(FitsCard.Create(keyword, value is null ? null : FitsCard.QuoteString(value), comment));

    public void Set(string keyword, double value, string? comment = null) =>
        Put(FitsCard.Create(keyword, FitsCard.FormatDouble(value), comment));

    public void Set(string keyword, long value, string? comment = null) =>
        Put(FitsCard.Create(keyword, value.ToString(CultureInfo.InvariantCulture), comment));

    public void Set(string keyword, bool value, string? comment = null) =>
        Put(FitsCard.Create(keyword, value ? "T" : "F", comment));

    public void Add(FitsCard card) => _cards.Add(card);

    public bool Remove(string keyword) =>
        _cards.RemoveAll(card => !card.IsCommentary && string.Equals(card.Keyword, keyword, StringComparison.Ordinal)) > 0;

    /// <summary>Replaces the card with the same keyword in place, or appends it.</summary>
    public void Put(FitsCard card)
    {
        var index = _cards.FindIndex(c => !c.IsCommentary && string.Equals(c.Keyword, card.Keyword, StringComparison.Ordinal));
        if (index < 0)
        {
            _cards.Add(card);
        }
        else
        {
            _cards[index] = card;
        }
    }

    /// <summary>Puts the card at a position, removing any other card with its keyword (for the mandatory keywords' order).</summary>
    public void Insert(int position, FitsCard card)
    {
        Remove(card.Keyword);
        _cards.Insert(Math.Min(position, _cards.Count), card);
    }

    public FitsHeader Clone() => new(_cards);
}
