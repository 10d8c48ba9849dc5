// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ParameterBinderTests
{
    private static readonly ServiceDefinition Disk = With(
        new ParameterDefinition { Name = "model", Type = ParameterType.Enum, Values = ["uniform", "limb-darkened"], Default = ["uniform"] },
        new ParameterDefinition
        {
            Name = "u", Type = ParameterType.Real, Default = ["0.3"],
            When = new Dictionary<string, IReadOnlyList<string>> { ["model"] = ["limb-darkened"] },
        },
        new ParameterDefinition
        {
            Name = "law", Type = ParameterType.String, Required = true,
            When = new Dictionary<string, IReadOnlyList<string>> { ["model"] = ["limb-darkened"] },
        },
        new ParameterDefinition { Name = "npoints", Type = ParameterType.Integer, Excludes = ["step"] },
        new ParameterDefinition { Name = "step", Type = ParameterType.Real, Default = ["10"] },
        new ParameterDefinition { Name = "bmin", Type = ParameterType.Real, Default = ["0"], LessThan = "bmax" },
        new ParameterDefinition { Name = "bmax", Type = ParameterType.Real, Default = ["300"] });

    [Fact]
    public void BindCreation_LeavesOutAConditionalParameter_WhenItsConditionDoesNotHold()
    {
        var bound = Bind(Disk);

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Null(ValuesOf(bound, "u"));
        Assert.Null(ValuesOf(bound, "law"));
    }

    [Fact]
    public void BindCreation_RefusesAConditionalParameter_WhenGivenWhileItsConditionDoesNotHold()
    {
        var bound = Bind(Disk, ("u", "0.5"));

        Assert.Equal(["u: applies only when model is limb-darkened"], bound.Errors);
    }

    [Fact]
    public void BindCreation_AppliesAndRequiresAConditionalParameter_WhenItsConditionHolds()
    {
        Assert.Equal(["law: required when model is limb-darkened"], Bind(Disk, ("model", "Limb-Darkened")).Errors);

        var bound = Bind(Disk, ("model", "limb-darkened"), ("law", "linear"));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal(["0.3"], ValuesOf(bound, "u"));
        Assert.Equal(["linear"], ValuesOf(bound, "law"));
    }

    [Fact]
    public void BindCreation_RefusesExclusiveParameters_WhenBothAreGiven()
    {
        Assert.Equal(["npoints: cannot be given together with step"], Bind(Disk, ("npoints", "5"), ("step", "2")).Errors);
    }

    [Fact]
    public void BindCreation_DropsTheOthersDefault_WhenOneOfExclusiveParametersIsGiven()
    {
        var bound = Bind(Disk, ("npoints", "5"));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal(["5"], ValuesOf(bound, "npoints"));
        Assert.Null(ValuesOf(bound, "step"));
        Assert.Equal(["10"], ValuesOf(Bind(Disk), "step"));
    }

    [Fact]
    public void BindCreation_RefusesABoundSetByAnotherParameter_WhenTheValuesAreInTheWrongOrder()
    {
        Assert.Equal(["bmin: 300 must be less than bmax (300)"], Bind(Disk, ("bmin", "300")).Errors);
        Assert.Equal(["bmin: 50 must be less than bmax (20)"], Bind(Disk, ("bmin", "50"), ("bmax", "20")).Errors);
        Assert.True(Bind(Disk, ("bmin", "50"), ("bmax", "60")).IsValid);
    }
}
