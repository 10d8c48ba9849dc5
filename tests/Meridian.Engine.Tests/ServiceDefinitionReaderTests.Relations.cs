// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ServiceDefinitionReaderTests
{
    [Fact]
    public void Read_ResolvesRelationships_WhenTheyNameDeclaredParameters()
    {
        var path = Write(Head + """
            parameters:
              model: {type: enum, values: [uniform, limb-darkened], default: uniform}
              u: {type: real, when: {MODEL: Limb-Darkened}, excludes: [Seconds]}
              seconds: {type: integer, greater_than: U}
            """);

        var service = ServiceDefinitionReader.Read(path, Executors, out var problems);

        Assert.NotNull(service);
        Assert.Empty(problems);
        var u = service.FindParameter("u")!;
        Assert.Equal(["limb-darkened"], u.When["model"]);
        Assert.Equal(["seconds"], u.Excludes);
        Assert.Equal("u", service.FindParameter("seconds")!.GreaterThan);
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAConditionNamesALaterParameter()
    {
        AssertProblem(Head + "parameters:\n  u: {type: real, when: {model: uniform}}\n  model: {type: enum, values: [uniform]}\n", 5,
            "'when' must name a single-valued parameter declared before it, not 'model'");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAConditionValueIsNotAcceptedByItsParameter()
    {
        AssertProblem(Head + "parameters:\n  model: {type: enum, values: [uniform]}\n  u: {type: real, when: {model: flat}}\n", 6,
            "parameter 'u': when model is 'flat' is not one of: uniform");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenABoundNamesANonNumericParameter()
    {
        AssertProblem(Head + "parameters:\n  name: {type: string}\n  n: {type: integer, less_than: name}\n", 6,
            "'less_than' compares two single integer or real parameters");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenExcludesNamesAnUnknownParameter()
    {
        AssertProblem(Head + "parameters:\n  n: {type: integer, excludes: [m]}\n", 5, "'excludes' must name another parameter of this service, not 'm'");
    }
}
