// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>
/// WAIT blocking on GET {job} (U46-U52): prompt on change, immediate when not active. The server waits up to two
/// minutes, so "prompt" is a bound far from both a loaded machine's slowness and the end of the wait.
/// </summary>
public sealed class WaitTests(LongWaitApplication server) : IClassFixture<LongWaitApplication>
{
    /// <summary>Much less than the wait asked for, much more than any answer takes on a busy machine.</summary>
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(30);
    private readonly UwsClient _uws = new(server.Application.Client);

    [Fact]
    public async Task Wait_ReturnsAsSoonAsThePhaseChanges_NotAtTheEndOfTheWait()
    {
        var jobUrl = await _uws.CreateAsync("sleep", ("seconds", "1"), ("PHASE", "RUN"));
        await _uws.GetXmlAsync($"{jobUrl}?WAIT=3&PHASE=QUEUED");
        Assert.Equal("EXECUTING", await _uws.PhaseAsync(jobUrl));

        var clock = Stopwatch.StartNew();
        var job = await _uws.GetXmlAsync($"{jobUrl}?WAIT=110");

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Prompt);
    }

    [Fact]
    public async Task Wait_WakesAtOnce_WhenAnotherRequestRunsThePendingJob()
    {
        var jobUrl = await _uws.CreateAsync("sleep", ("seconds", "5"));
        var clock = Stopwatch.StartNew();
        var waiting = _uws.GetXmlAsync($"{jobUrl}?WAIT=110");
        await Task.Delay(300);

        using (await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN")))
        {
        }

        var job = await waiting;
        Assert.NotEqual("PENDING", UwsClient.Phase(job));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), Prompt);
        using (await _uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT")))
        {
        }
    }

    [Fact]
    public async Task Wait_ReturnsImmediately_WhenTheJobIsFinished()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);

        var clock = Stopwatch.StartNew();
        await _uws.GetXmlAsync($"{jobUrl}?WAIT=-1");

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Prompt);
    }

    [Fact]
    public async Task Wait_ReturnsImmediately_WhenThePhaseGuardDoesNotMatch()
    {
        var jobUrl = await _uws.CreateAsync("echo");

        var clock = Stopwatch.StartNew();
        var job = await _uws.GetXmlAsync($"{jobUrl}?WAIT=110&PHASE=EXECUTING");

        Assert.Equal("PENDING", UwsClient.Phase(job));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, Prompt);
    }

    [Theory]
    [InlineData("WAIT=soon")]
    [InlineData("WAIT=1.5")]
    [InlineData("WAIT=-2")]
    [InlineData("WAIT=5&PHASE=RUNNING")]
    public async Task Wait_Answers400_WhenMalformed(string query)
    {
        var jobUrl = await _uws.CreateAsync("echo");

        using var response = await server.Application.Client.GetAsync($"{jobUrl}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
