// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Meridian.Protocol;

/// <summary>
/// Which characters XML 1.0 can carry (tab, newline, carriage return, U+0020 and above except lone
/// surrogates and the noncharacters U+FFFE and U+FFFF): requests are checked against it at the door, and
/// writers pass stored text through <see cref="Safe"/> so one odd value never makes a document unreadable.
/// </summary>
public static class XmlText
{
    /// <summary>The index of the first character XML 1.0 cannot carry, or -1 when there is none.</summary>
    public static int FirstForbidden(string text)
    {
        // Most text is all printable below the surrogates: one vectorised scan says so, and only text with something
        // else in it is looked at a character at a time from there.
        var start = text.AsSpan().IndexOfAnyExceptInRange(' ', '\uD7FF');
        if (start < 0)
        {
            return -1;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A reason naming <paramref name="what"/> and the first forbidden character, or null when the text is fine.</summary>
    public static string? Problem(string what, string text)
    {
        var index = FirstForbidden(text);
        return index < 0 ? null : string.Create(CultureInfo.InvariantCulture,
            $"{what}: holds U+{(int)text[index]:X4} at position {index + 1}, a character XML 1.0 cannot carry (control characters other than tab and newline, U+FFFE, U+FFFF, lone surrogates)");
    }

    /// <summary>The text with every character XML 1.0 cannot carry replaced by U+FFFD.</summary>
    public static string Safe(string text)
    {
        var firstBad = FirstForbidden(text);
        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i, 2);
                i++;
            }
            else
            {
                builder.Append(IsXmlChar(text, i) ? text[i] : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Writes text (already <see cref="Safe"/>) as XML character data, fit for an element or a quoted attribute: markup
    /// characters and quotes as entities, and tab, newline and carriage return as character references, so that a
    /// reader gets back the very text (an attribute's raw newline would be read as a space).
    /// </summary>
    public static void WriteEscaped(TextWriter output, string text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(Markup); at >= 0; at = rest.IndexOfAny(Markup))
        {
            output.Write(rest[..at]);
            output.Write(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\t' => "&#x9;",
                '\n' => "&#xA;",
                _ => "&#xD;",
            });
            rest = rest[(at + 1)..];
        }

        output.Write(rest);
    }

    private static readonly SearchValues<char> Markup = SearchValues.Create("&<>\"\t\n\r");

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (char.IsSurrogate(c))
        {
            return char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
