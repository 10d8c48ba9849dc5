// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Meridian.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>The job page offers the actions the server takes in the job's phase (from /api/phases), and no others.</summary>
public sealed class JobActionTests(BrowserServer server) : IClassFixture<BrowserServer>
{
    [Fact]
    public async Task PhaseRules_FollowTheTransitionTable()
    {
        using var rules = JsonDocument.Parse(await server.Http.GetStringAsync("/api/phases"));

        string[] Actions(string phase) => [.. rules.RootElement.GetProperty(phase).GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)];
        bool Unfinished(string phase) => rules.RootElement.GetProperty(phase).GetProperty("unfinished").GetBoolean();
        Assert.Equal(["RUN", "ABORT"], Actions("PENDING"));
        Assert.Equal(["ABORT"], Actions("EXECUTING"));
        Assert.Equal(["RUN"], Actions("HELD"));
        Assert.Empty(Actions("SUSPENDED"));
        Assert.Empty(Actions("COMPLETED"));
        Assert.True(Unfinished("SUSPENDED"));
        Assert.False(Unfinished("ERROR"));
        Assert.Equal(Enum.GetNames<ExecutionPhase>(), rules.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData(ExecutionPhase.HELD, new[] { "Run" }, new[] { "Abort" })]
    [InlineData(ExecutionPhase.SUSPENDED, new string[0], new[] { "Run", "Abort" })]
    [InlineData(ExecutionPhase.COMPLETED, new string[0], new[] { "Run", "Abort" })]
    public async Task JobPage_OffersOnlyWhatTheServerTakes(ExecutionPhase phase, string[] offered, string[] withheld)
    {
        // A job put in the phase directly: this server's own executors never hold or suspend a job.
        var store = server.Application.Services.GetRequiredService<IJobStore>();
        var id = JobId.New();
        await store.CreateAsync(new Job
        {
            Id = id, Service = "hello", Phase = phase, CreationTime = DateTimeOffset.UtcNow, ExecutionDuration = 60,
            Destruction = DateTimeOffset.UtcNow.AddDays(1),
        }, CancellationToken.None);
        var page = await server.NewPageAsync();

        await page.GotoAsync($"/web/job.html?service=hello&id={id}");

        await Expect(page.Locator("#phase")).ToContainTextAsync(phase.ToWire());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Run again" })).ToBeVisibleAsync();
        foreach (var name in offered)
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        foreach (var name in withheld)
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true })).ToHaveCountAsync(0);
        }

        Assert.Empty(server.PageErrors);
    }
}
