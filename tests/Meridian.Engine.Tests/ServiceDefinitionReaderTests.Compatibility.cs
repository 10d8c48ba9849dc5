// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>list_streams, success_exit_codes and aliases: what a service needs to meet a client fixed elsewhere.</summary>
public sealed partial class ServiceDefinitionReaderTests
{
    [Fact]
    public void Read_TakesTheCompatibilityKeys_WhenTheyAreGiven()
    {
        var service = ServiceDefinitionReader.Read(Write(
            "name: fixed\ncommand: [true]\nlist_streams: false\nsuccess_exit_codes: [0, 1]\naliases: [/OImaging-uws/oimaging/oimaging, /old/jobs]\n"),
            Executors, out var problems);

        Assert.Empty(problems);
        Assert.False(service!.ListStreams);
        Assert.Equal([0, 1], service.SuccessExitCodes.Order());
        Assert.Equal(["/OImaging-uws/oimaging/oimaging", "/old/jobs"], service.Aliases);
    }

    [Fact]
    public void Read_ListsStreamsAndSucceedsOnZeroOnly_ByDefault()
    {
        var service = ServiceDefinitionReader.Read(Write("name: plain\ncommand: [true]\n"), Executors, out _);

        Assert.True(service!.ListStreams);
        Assert.Equal([0], service.SuccessExitCodes);
        Assert.Empty(service.Aliases);
    }

    [Theory]
    [InlineData("success_exit_codes: [0, 256]\n", "'256' is not an exit code")]
    [InlineData("success_exit_codes: [-1]\n", "'-1' is not an exit code")]
    [InlineData("success_exit_codes: []\n", "must be a non-empty list")]
    [InlineData("aliases: [relative/path]\n", "alias 'relative/path' must be an absolute path")]
    [InlineData("aliases: [/a/../b]\n", "alias '/a/../b' must be an absolute path")]
    [InlineData("aliases: [/trailing/]\n", "alias '/trailing/' must be an absolute path")]
    [InlineData("aliases: [/uws/other]\n", "starts with /uws, which the server answers itself")]
    [InlineData("aliases: [/Web/x]\n", "starts with /Web, which the server answers itself")]
    [InlineData("aliases: [/a/b, /A/b]\n", "alias '/A/b' is given twice")]
    [InlineData("aliases: /a/b\n", "aliases must be a list of paths")]
    public void Read_ReportsTheLine_WhenACompatibilityKeyIsWrong(string yaml, string reason)
    {
        AssertProblem(Head + yaml, 4, reason);
    }

    [Theory]
    [InlineData("/legacy/jobs", "/legacy/jobs")]
    [InlineData("/legacy/jobs", "/legacy/jobs/more")]
    [InlineData("/legacy/jobs/more", "/legacy/jobs")]
    public void Load_RefusesAnAlias_ThatLeadsIntoAnotherServicesJobList(string first, string second)
    {
        var one = Write($"name: one\ncommand: [true]\naliases: [{first}]\n", "a.yaml");
        var two = Write($"name: two\ncommand: [true]\naliases: [{second}]\n", "b.yaml");

        var exception = Assert.Throws<DefinitionException>(() => ServiceCatalog.Load(_temp.Path, Executors));

        Assert.Equal([$"{two}:1: alias '{second}' overlaps '{first}' of {one}"], exception.Problems);
    }

    [Fact]
    public void Load_TakesAliasesThatOnlyShareAFolder()
    {
        Write("name: one\ncommand: [true]\naliases: [/legacy/one]\n", "a.yaml");
        Write("name: two\ncommand: [true]\naliases: [/legacy/two, /legacy/one-more]\n", "b.yaml");

        Assert.Equal(2, ServiceCatalog.Load(_temp.Path, Executors).Services.Count);
    }
}
