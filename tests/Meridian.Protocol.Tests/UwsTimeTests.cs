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
