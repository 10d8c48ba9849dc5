// SPDX-License-Identifier: MIT
using System.Net;
using Meridian.Protocol;

namespace Meridian.Server.Tests;

/// <summary>The destruction sweeper destroys expired jobs with their files, by itself (U21).</summary>
public sealed class DestructionTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private readonly UwsClient _uws = new(app.Client);

    [Fact]
    public async Task Sweeper_DestroysAJobAndItsFiles_OnceItsDestructionTimeHasPassed()
    {
        var jobUrl = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(jobUrl);
        var kept = await _uws.CreateAsync("echo");
        var id = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        Assert.True(Directory.Exists(app.JobFolder(id)));

        using (await _uws.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", UwsTime.Format(DateTimeOffset.UtcNow.AddSeconds(1)))))
        {
        }

        var gone = await GoneWithinAsync(jobUrl, TimeSpan.FromSeconds(10));

        Assert.True(gone, "the job was destroyed within a few sweeps of its destruction time");
        Assert.False(Directory.Exists(app.JobFolder(id)));
        Assert.Equal("PENDING", await _uws.PhaseAsync(kept));
    }

    [Fact]
    public async Task Sweeper_StopsAnExecutingJob_BeforeDestroyingIt()
    {
        var jobUrl = await _uws.CreateAsync("sleep", ("seconds", "300"), ("PHASE", "RUN"));
        await _uws.GetXmlAsync($"{jobUrl}?WAIT=3&PHASE=QUEUED");

        using (await _uws.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", UwsTime.Format(DateTimeOffset.UtcNow))))
        {
        }

        var gone = await GoneWithinAsync(jobUrl, TimeSpan.FromSeconds(10));

        Assert.True(gone);
        Assert.False(Directory.Exists(app.JobFolder(jobUrl[(jobUrl.LastIndexOf('/') + 1)..])));
    }

    private async Task<bool> GoneWithinAsync(string jobUrl, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var response = await app.Client.GetAsync(jobUrl);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return true;
            }
        }

        return false;
    }
}
