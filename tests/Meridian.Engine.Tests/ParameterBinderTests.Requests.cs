// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ParameterBinderTests
{
    private static readonly ServiceDefinition Visibility = With(
        new ParameterDefinition { Name = "theta", Type = ParameterType.Real, Required = true },
        new ParameterDefinition { Name = "model", Type = ParameterType.Enum, Values = ["uniform", "ld"], Default = ["uniform"] },
        new ParameterDefinition { Name = "npoints", Type = ParameterType.Integer },
        new ParameterDefinition { Name = "u", Type = ParameterType.Real, Default = ["0.3"] },
        new ParameterDefinition { Name = "catalog", Type = ParameterType.File, MaxSize = 100 });

    private static FormUpload Upload(string name, long length) => new(name, "stars.csv", length, "text/csv", () => new MemoryStream(new byte[length]));

    [Fact]
    public void BindCreation_ReportsRequired_WhenARequiredParameterIsMissing()
    {
        var bound = Bind(Visibility);

        Assert.Equal(["theta: required"], bound.Errors);
    }

    [Fact]
    public void BindCreation_AppliesDefaults_WhenOptionalParametersAreMissing()
    {
        var bound = Bind(Visibility, ("theta", "1.5"));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal(["uniform"], ValuesOf(bound, "model"));
        Assert.Equal(["0.3"], ValuesOf(bound, "u"));
        Assert.Null(ValuesOf(bound, "npoints"));
    }

    [Fact]
    public void BindCreation_TreatsAnEmptyFieldAsAbsent_WhenANumericParameterIsOptional()
    {
        var bound = Bind(Visibility, ("theta", "1.5"), ("npoints", ""), ("u", ""));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Null(ValuesOf(bound, "npoints"));
        Assert.Equal(["0.3"], ValuesOf(bound, "u"));
    }

    [Fact]
    public void BindCreation_ReportsRequired_WhenARequiredNumericFieldIsEmpty()
    {
        Assert.Equal(["theta: required"], Bind(Visibility, ("theta", "")).Errors);
    }

    [Fact]
    public void BindCreation_MatchesNamesWithoutCase_WhenTheClientSpellsThemInUpperCase()
    {
        var bound = Bind(Visibility, ("THETA", "2"), ("Model", "LD"));

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal(["2"], ValuesOf(bound, "theta"));
        Assert.Equal(["ld"], ValuesOf(bound, "model"));
    }

    [Fact]
    public void BindCreation_NamesTheAcceptedParameters_WhenAnUnknownOneIsGiven()
    {
        var error = Assert.Single(Bind(Visibility, ("theta", "1"), ("diameter", "3")).Errors);

        Assert.Equal("diameter: unknown parameter (this service takes: theta, model, npoints, u, catalog)", error);
    }

    [Fact]
    public void BindCreation_ReportsTheDuplicate_WhenAScalarIsGivenTwice()
    {
        var error = Assert.Single(Bind(Visibility, ("theta", "1"), ("theta", "2")).Errors);

        Assert.Equal("theta: given 2 times; it takes one value", error);
    }

    [Fact]
    public void BindCreation_KeepsTheUpload_WhenItIsWithinTheSizeLimit()
    {
        var bound = ParameterBinder.BindCreation(Visibility, [new FormField("theta", "1")], [Upload("CATALOG", 100)]);

        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        Assert.Equal("catalog", Assert.Single(bound.Uploads).Name);
    }

    [Fact]
    public void BindCreation_RefusesTheUpload_WhenItIsLargerThanMaxSize()
    {
        var bound = ParameterBinder.BindCreation(Visibility, [new FormField("theta", "1")], [Upload("catalog", 101)]);

        Assert.Equal(["catalog: the file is 101 bytes; at most 100 are accepted"], bound.Errors);
        Assert.Empty(bound.Uploads);
    }

    [Fact]
    public void BindCreation_RefusesTheUpload_WhenNoFileParameterHasThatName()
    {
        var bound = ParameterBinder.BindCreation(Visibility, [new FormField("theta", "1")], [Upload("theta", 10)]);

        Assert.Equal(["theta: this service takes no file under that name"], bound.Errors);
    }

    [Fact]
    public void BindCreation_RefusesTheValue_WhenAFileParameterComesAsATextField()
    {
        var bound = Bind(Visibility, ("theta", "1"), ("catalog", "https://example.org/stars.csv"));

        Assert.Equal(["catalog: a file parameter takes an uploaded file, not a value"], bound.Errors);
    }

    [Fact]
    public void BindCreation_ReportsTheMissingFile_WhenAFileIsRequired()
    {
        var service = With(new ParameterDefinition { Name = "catalog", Type = ParameterType.File, Required = true });

        Assert.Equal(["catalog: a file is required"], ParameterBinder.BindCreation(service, [], []).Errors);
    }

    [Fact]
    public void BindUpdate_ChangesOnlyTheGivenParameters_WhenOthersAreMissing()
    {
        var bound = ParameterBinder.BindUpdate(Visibility, [new FormField("npoints", "12")], []);

        Assert.True(bound.IsValid, "an update needs no required parameter: the job has it already");
        Assert.True(bound.Parameters.Select(p => p.Name).SequenceEqual(["npoints"]), "an update applies no defaults: model and u keep their stored values");
    }
}
