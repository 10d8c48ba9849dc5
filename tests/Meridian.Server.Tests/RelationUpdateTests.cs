// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests;

/// <summary>The relationships between parameters hold when a PENDING job's parameters change, as when it is created.</summary>
public sealed class RelationUpdateTests(ExampleServicesApplication examples) : IClassFixture<ExampleServicesApplication>
{
    private UwsClient Uws => new(examples.Application.Client);

    [Fact]
    public async Task ParameterUpdate_IsRefused_WhenItCrossesABoundSetByAnotherParameter()
    {
        var job = await Uws.CreateAsync("countdown", ("seconds", "10"), ("fail_at", "5"));

        using var refused = await Uws.PostAsync($"{job}/parameters", ("seconds", "3"));
        using var accepted = await Uws.PostAsync($"{job}/parameters", ("seconds", "6"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("fail_at: 5 must be less than seconds (3)", (await refused.Content.ReadAsStringAsync()).TrimEnd());
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Contains(("seconds", "6"), UwsClient.Parameters(await Uws.GetXmlAsync(job)));
    }

    [Fact]
    public async Task ParameterUpdate_IsRefused_WhenTheParameterDoesNotApplyToTheOthersValues()
    {
        var job = await Uws.CreateAsync("ud-visibility", ("model", "uniform"));

        using var refused = await Uws.PostAsync($"{job}/parameters", ("u", "0.5"));
        using var accepted = await Uws.PostAsync($"{job}/parameters", ("model", "limb-darkened"), ("u", "0.5"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("u: applies only when model is limb-darkened", (await refused.Content.ReadAsStringAsync()).TrimEnd());
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
    }
}
