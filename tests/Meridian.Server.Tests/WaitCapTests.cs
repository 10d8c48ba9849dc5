// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Meridian.Server.Tests;

/// <summary>WAIT is capped by the server's MaxWaitSeconds (the test host's is three seconds).</summary>
public sealed class WaitCapTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Wait_IsCappedByTheConfiguredMaximum_WhenNothingChanges()
    {
        var jobUrl = await _uws.CreateAsync("echo");

        var clock = Stopwatch.StartNew();
        var job = await _uws.GetXmlAsync($"{jobUrl}?WAIT=-1");

        // At least the cap; the upper bound only tells a capped wait from an endless one (the client gives up at 2 min).
        Assert.Equal("PENDING", UwsClient.Phase(job));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.8), TimeSpan.FromSeconds(60));
    }
}
