// SPDX-License-Identifier: MIT
using Xunit;

namespace Meridian.Protocol.Tests;

public sealed class UwsTimeTests
{
    [Fact]
    public void Format_WritesUtcWithZAndMilliseconds_WhenTheInstantIsUtc()
    {
        Assert.Equal("2030-01-02T03:04:05.000Z", UwsTime.Format(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [Fact]
    public void Format_ConvertsToUtc_WhenTheInstantHasAnOffset()
    {
        Assert.Equal("2030-01-01T23:34:05.006Z", UwsTime.Format(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 6, new TimeSpan(3, 30, 0))));
        Assert.Equal("2030-01-02T08:04:05.999Z", UwsTime.Format(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 999, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Format_PadsEveryField_WhenTheyHaveFewerDigits()
    {
        Assert.Equal("0987-06-07T08:09:01.020Z", UwsTime.Format(new DateTimeOffset(987, 6, 7, 8, 9, 1, 20, TimeSpan.Zero)));
        Assert.Equal("9999-12-31T23:59:59.999Z", UwsTime.Format(DateTimeOffset.MaxValue));
        Assert.Equal("0001-01-01T00:00:00.000Z", UwsTime.Format(DateTimeOffset.MinValue));
    }

    [Fact]
    public void Format_WritesWhatTheIsoPatternWrites_ForInstantsAcrossTheCalendar()
    {
        var random = new Random(20261203);
        Span<char> text = stackalloc char[UwsTime.Length + 8];
        for (var i = 0; i < 10_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            var expected = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(expected, UwsTime.Format(instant));
            Assert.Equal(expected, new string(text[..UwsTime.Format(instant, text)]));
        }
    }

    [Fact]
    public void Format_Refuses_WhenTheDestinationIsTooShort()
    {
        Assert.Throws<ArgumentException>(() => UwsTime.Format(DateTimeOffset.UnixEpoch, new char[UwsTime.Length - 1]));
    }

    [Theory]
    [InlineData("2030-01-02T03:04:05Z", "2030-01-02T03:04:05.000Z")]
    [InlineData("2030-01-02T03:04:05.123Z", "2030-01-02T03:04:05.123Z")]
    [InlineData("2030-01-02T05:04:05+02:00", "2030-01-02T03:04:05.000Z")]
    [InlineData("2030-01-01T22:04:05.5-05:00", "2030-01-02T03:04:05.500Z")]
    [InlineData("2030-01-02T03:04:05", "2030-01-02T03:04:05.000Z")]
    [InlineData("  2030-01-02T03:04:05Z  ", "2030-01-02T03:04:05.000Z")]
    public void TryParse_ReturnsTheUtcInstant_WhenTheTextIsAnIsoInstant(string text, string utc)
    {
        Assert.True(UwsTime.TryParse(text, out var instant));
        Assert.Equal(TimeSpan.Zero, instant.Offset);
        Assert.Equal(utc, UwsTime.Format(instant));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2030-01-02")]
    [InlineData("tomorrow")]
    [InlineData("2030-13-02T03:04:05Z")]
    [InlineData("T")]
    public void TryParse_ReturnsFalse_WhenTheTextIsNoInstantWithATime(string? text)
    {
        Assert.False(UwsTime.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_ReadsBackWhatFormatWrote_WhenTheInstantHasMilliseconds()
    {
        var instant = new DateTimeOffset(2031, 12, 31, 23, 59, 59, 987, TimeSpan.FromHours(9));

        Assert.True(UwsTime.TryParse(UwsTime.Format(instant), out var parsed));
        Assert.Equal(instant, parsed);
    }
}
