// SPDX-License-Identifier: MIT
using System.Text;
using System.Xml;

namespace Meridian.Protocol.Dali;

/// <summary>Text that XML 1.0 can carry: a program's stderr may hold any byte, and one of them must not spoil the document.</summary>
public static class XmlText
{
    /// <summary>The text with each character XML 1.0 forbids (controls, lone surrogates, U+FFFE, U+FFFF) replaced by U+FFFD.</summary>
    public static string Legal(string text)
    {
        var index = FirstIllegal(text);
        if (index < 0)
        {
            return text;
        }

        var legal = new StringBuilder(text.Length);
        legal.Append(text, 0, index);
        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                legal.Append(c).Append(text[++i]);
            }
            else
            {
                legal.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return legal.ToString();
    }

    private static int FirstIllegal(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
