// SPDX-License-Identifier: MIT
using Xunit;

namespace Meridian.Protocol.Tests;

public sealed class XmlTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain text, digits 0123 and markup <&>\"")]
    [InlineData("tab\tnewline\ncarriage return\r")]
    [InlineData("private use \uE000 and replacement \uFFFD and \uFFFC")]
    [InlineData("a telescope \U0001F52D between")]
    [InlineData("\U0001F52D")]
    public void FirstForbidden_FindsNothing_WhenXmlCanCarryEveryCharacter(string text)
    {
        Assert.Equal(-1, XmlText.FirstForbidden(text));
    }

    [Theory]
    [InlineData("\u0001", 0)]
    [InlineData("abc\u001Fdef", 3)]
    [InlineData("\uE000ok\uFFFE", 3)]
    [InlineData("ok\uFFFF", 2)]
    [InlineData("pair \U0001F52D then \u0000", 13)]
    public void FirstForbidden_GivesTheFirstCharacterXmlCannotCarry_WhereverItIs(string text, int index)
    {
        Assert.Equal(index, XmlText.FirstForbidden(text));
    }

    // Built in code: a lone surrogate does not survive a test case's attribute.
    [Fact]
    public void FirstForbidden_GivesTheLoneSurrogate_WhereverItIs()
    {
        Assert.Equal(10, XmlText.FirstForbidden("lone high " + '\uD83D' + " end"));
        Assert.Equal(0, XmlText.FirstForbidden('\uDD2D' + " lone low"));
        Assert.Equal(16, XmlText.FirstForbidden("high at the end " + '\uD83D'));
        Assert.Equal(3, XmlText.FirstForbidden("low" + '\uDD2D' + '\uD83D' + "reversed pair"));
    }
}
