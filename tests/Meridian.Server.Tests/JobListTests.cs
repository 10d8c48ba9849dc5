// SPDX-License-Identifier: MIT
using System.Net;
using System.Xml.Linq;
using Meridian.Protocol;

namespace Meridian.Server.Tests;

/// <summary>GET /uws/{service} with PHASE, AFTER and LAST (U57-U62).</summary>
public sealed class JobListTests : IDisposable
{
    private readonly MeridianApplication _app = new();
    private readonly UwsClient _uws;

    public JobListTests() => _uws = new UwsClient(_app.Client);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task List_IsEmptyButValid_WhenTheServiceHasNoJobs()
    {
        var list = await _uws.GetXmlAsync("/uws/echo");

        Assert.Equal("1.1", list.Root!.Attribute("version")?.Value);
        Assert.Empty(list.Root.Elements());
    }

    [Fact]
    public async Task List_FiltersByPhase_AsAUnionWhenRepeated()
    {
        var pending = await _uws.CreateAsync("echo");
        var aborted = await _uws.CreateAsync("echo");
        using (await _uws.PostAsync(aborted + "/phase", ("PHASE", "ABORT")))
        {
        }

        var completed = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(completed);

        Assert.Equal([Id(completed)], Ids(await _uws.GetXmlAsync("/uws/echo?PHASE=COMPLETED")));
        Assert.Equal(new[] { Id(pending), Id(aborted) }.Order(), Ids(await _uws.GetXmlAsync("/uws/echo?PHASE=PENDING&PHASE=ABORTED")).Order());
        Assert.Equal(3, Ids(await _uws.GetXmlAsync("/uws/echo")).Count);
        Assert.Empty(Ids(await _uws.GetXmlAsync("/uws/echo?PHASE=ARCHIVED")));
    }

    [Fact]
    public async Task List_WithLast_GivesTheNewestJobsNewestFirst()
    {
        var urls = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            urls.Add(await _uws.CreateAsync("echo", ("RUNID", $"run {i}")));
            await Task.Delay(3);
        }

        var list = await _uws.GetXmlAsync("/uws/echo?LAST=3");

        Assert.Equal(urls.AsEnumerable().Reverse().Take(3).Select(Id), Ids(list));
        var first = list.Root!.Elements(UwsClient.Uws + "jobref").First();
        Assert.Equal("run 4", first.Element(UwsClient.Uws + "runId")?.Value);
        Assert.Equal(urls[4], first.Attribute(UwsClient.Xlink + "href")?.Value);
        Assert.NotNull(first.Element(UwsClient.Uws + "creationTime"));
    }

    [Fact]
    public async Task List_GivesEveryJobOnceNewestFirst_WhenItIsLongerThanOneReadOfTheStore()
    {
        // More jobs than one page of the streamed list, created 8 at a time, so several share a creation millisecond.
        var created = new List<string>();
        for (var batch = 0; batch < 1300 / 8; batch++)
        {
            created.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _uws.CreateAsync("echo"))));
        }

        var all = Ids(await _uws.GetXmlAsync("/uws/echo"));
        var last = Ids(await _uws.GetXmlAsync("/uws/echo?LAST=1100"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/uws/echo?LAST=1050");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _app.Client.SendAsync(request);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(created.Count, all.Count);
        Assert.Equal(created.Select(Id).Order(), all.Order());
        Assert.Equal(all.Take(1100), last);
        var times = (await _uws.GetXmlAsync("/uws/echo")).Root!.Elements(UwsClient.Uws + "jobref")
            .Select(j => j.Element(UwsClient.Uws + "creationTime")!.Value).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        Assert.Equal(all.Take(1050), json.RootElement.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task List_WithAfter_GivesOnlyJobsCreatedStrictlyLater_AndCombinesWithOtherFilters()
    {
        var early = await _uws.CreateAsync("echo");
        var earlyCreation = UwsClient.Value(await _uws.GetXmlAsync(early), "creationTime")!;
        await Task.Delay(5);
        var late = await _uws.CreateAsync("echo");
        var lateRun = await _uws.CreateAsync("echo", ("PHASE", "RUN"));
        await _uws.WaitForEndAsync(lateRun);

        Assert.Equal(new[] { Id(late), Id(lateRun) }.Order(), Ids(await _uws.GetXmlAsync($"/uws/echo?AFTER={Uri.EscapeDataString(earlyCreation)}")).Order());
        Assert.Equal([Id(late)], Ids(await _uws.GetXmlAsync($"/uws/echo?AFTER={Uri.EscapeDataString(earlyCreation)}&PHASE=PENDING")));
        Assert.True(UwsTime.TryParse(earlyCreation, out var instant));
        var offset = instant.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, Ids(await _uws.GetXmlAsync($"/uws/echo?AFTER={Uri.EscapeDataString(offset)}")).Count);
    }

    [Theory]
    [InlineData("PHASE=done")]
    [InlineData("PHASE=completed")]
    [InlineData("LAST=0")]
    [InlineData("LAST=ten")]
    [InlineData("AFTER=yesterday")]
    public async Task List_Answers400_WhenAFilterIsMalformed(string query)
    {
        using var response = await _app.Client.GetAsync("/uws/echo?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(query.Split('=')[0], await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_ShowsOnlyTheServicesOwnJobs()
    {
        await _uws.CreateAsync("echo");
        await _uws.CreateAsync("fail");

        Assert.Single(Ids(await _uws.GetXmlAsync("/uws/fail")));
    }

    private static string Id(string url) => url[(url.LastIndexOf('/') + 1)..];

    private static List<string> Ids(XDocument list) =>
        list.Root!.Elements(UwsClient.Uws + "jobref").Select(j => j.Attribute("id")!.Value).ToList();
}
