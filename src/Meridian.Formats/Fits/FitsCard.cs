// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Meridian.Formats.Fits;

/// <summary>
/// One 80-character header card (FITS 4.0 §4.1): a keyword, an optional value and an optional comment.
/// Commentary cards (COMMENT, HISTORY, blank keyword, or any card without "= " in columns 9-10) keep their text.
/// The value is kept as written (<see cref="RawValue"/>), so cards read from a file are written back unchanged.
/// </summary>
public sealed class FitsCard
{
    public const int Length = 80;

    private FitsCard(string keyword, string? rawValue, string? comment, string? text)
    {
        Keyword = keyword;
        RawValue = rawValue;
        Comment = comment;
        Text = text;
    }

    public string Keyword { get; }

    /// <summary>The value field as written (strings with their quotes); null for commentary cards and undefined values.</summary>
    public string? RawValue { get; }

    public string? Comment { get; }

    /// <summary>The text of a commentary card (columns 9-80).</summary>
    public string? Text { get; }

    public bool IsCommentary => Text is not null;

    public static FitsCard Parse(string card)
    {
        if (card.Length != Length)
        {
            throw new FitsFormatException($"a header card is {card.Length} characters long, not 80");
        }

        var keyword = card[..8].TrimEnd();
        if (card[8] != '=' || card[9] != ' ' || keyword is "COMMENT" or "HISTORY" or "")
        {
            return new FitsCard(keyword, null, null, card[8..].TrimEnd());
        }

        var field = card[10..];
        var start = 0;
        while (start < field.Length && field[start] == ' ')
        {
            start++;
        }

        string? raw;
        int after;
        if (start < field.Length && field[start] == '\'')
        {
            var end = start + 1;
            while (true)
            {
                if (end >= field.Length)
                {
                    throw new FitsFormatException($"keyword {keyword}: a string value has no closing quote");
                }

                if (field[end] == '\'')
                {
                    if (end + 1 < field.Length && field[end + 1] == '\'')
                    {
                        end += 2;
                        continue;
                    }

                    break;
                }

                end++;
            }

            raw = field[start..(end + 1)];
            after = end + 1;
        }
        else
        {
            var slash = field.IndexOf('/', start);
            var text = (slash < 0 ? field[start..] : field[start..slash]).Trim();
            raw = text.Length == 0 ? null : text;
            after = slash < 0 ? field.Length : slash;
        }

        var rest = field[after..];
        var commentStart = rest.IndexOf('/');
        var comment = commentStart < 0 ? null : rest[(commentStart + 1)..].Trim();
        return new FitsCard(keyword, raw, string.IsNullOrEmpty(comment) ? null : comment, null);
    }

    public static FitsCard Commentary(string keyword, string text)
    {
        CheckKeyword(keyword);
        if (text.Length > 72 || !IsPrintable(text))
        {
            throw new FitsFormatException($"{keyword}: commentary text must be at most 72 printable ASCII characters");
        }

        return new FitsCard(keyword, null, null, text);
    }

    public static FitsCard Create(string keyword, string? rawValue, string? comment = null)
    {
        CheckKeyword(keyword);
        if (comment is not null && !IsPrintable(comment))
        {
            throw new FitsFormatException($"{keyword}: the comment must be printable ASCII");
        }

        var card = new FitsCard(keyword, rawValue, comment, null);
        if (rawValue is not null && rawValue.Length > 70)
        {
            throw new FitsFormatException($"{keyword}: the value is longer than a card holds (long strings with CONTINUE are not written)");
        }

        return card;
    }

    public static string QuoteString(string value)
    {
        if (!IsPrintable(value))
        {
            throw new FitsFormatException("a FITS string must be printable ASCII");
        }

        // Strings are padded to at least 8 characters inside the quotes (FITS 4.0 §4.2.1.1); trailing blanks are insignificant.
        var escaped = value.Replace("'", "''", StringComparison.Ordinal).PadRight(8);
        return "'" + escaped + "'";
    }

    public static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new FitsFormatException("FITS header values must be finite numbers");
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        // A real must not read back as an integer: keep a decimal point or an exponent.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>The 80 characters of the card as written to a file.</summary>
    public string Format()
    {
        var builder = new StringBuilder(Length);
        builder.Append(Keyword.PadRight(8));
        if (Text is not null)
        {
            builder.Append(Text);
        }
        else
        {
            builder.Append("= ");
            var value = RawValue ?? string.Empty;
            // Fixed format: strings start in column 11, other values end in column 30.
            builder.Append(value.StartsWith('\'') ? value.PadRight(20) : value.PadLeft(20));
            if (Comment is not null)
            {
                builder.Append(" / ").Append(Comment);
            }
        }

        var line = builder.ToString();
        return line.Length > Length ? line[..Length] : line.PadRight(Length);
    }

    public override string ToString() => Format().TrimEnd();

    private static void CheckKeyword(string keyword)
    {
        if (keyword.Length > 8 || keyword.Any(c => !(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_')))
        {
            throw new FitsFormatException($"'{keyword}' is not a FITS keyword (at most 8 of A-Z, 0-9, '-', '_')");
        }
    }

    internal static bool IsPrintable(string text) => text.All(c => c is >= ' ' and <= '~');
}
