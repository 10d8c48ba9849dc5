// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("10min", 600)]
    [InlineData("2h", 7200)]
    [InlineData("7d", 604_800)]
    [InlineData("1.5h", 5400)]
    [InlineData(" 30 S ", 30)]
    [InlineData("0", 0)]
    public void TryParseDuration_ReturnsTheSeconds_WhenTheTextIsADuration(string text, int seconds)
    {
        Assert.True(Quantities.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("10w")]
    [InlineData("1e3")]
    [InlineData("5 minutes")]
    [InlineData("100000000d")]
    public void TryParseDuration_ReturnsFalse_WhenTheTextIsNotADuration(string text)
    {
        Assert.False(Quantities.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("512", 512)]
    [InlineData("512B", 512)]
    [InlineData("10KB", 10_000)]
    [InlineData("10kb", 10_000)]
    [InlineData("10K", 10_000)]
    [InlineData("10MB", 10_000_000)]
    [InlineData("1.5GB", 1_500_000_000)]
    [InlineData("1KiB", 1024)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("2GiB", 2_147_483_648)]
    [InlineData(" 3 MB ", 3_000_000)]
    public void TryParseSize_ReturnsTheBytes_WhenTheTextIsASize(string text, long bytes)
    {
        Assert.True(Quantities.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-1")]
    [InlineData("10TB")]
    [InlineData("ten MB")]
    public void TryParseSize_ReturnsFalse_WhenTheTextIsNotASize(string text)
    {
        Assert.False(Quantities.TryParseSize(text, out _));
    }
}
