// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Tests.Fakes;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ParameterBinderTests
{
    private static ServiceDefinition With(params ParameterDefinition[] parameters) => TestServices.Define("svc", parameters);

    private static BoundRequest Bind(ServiceDefinition service, params (string Name, string Value)[] fields) =>
        ParameterBinder.BindCreation(service, fields.Select(f => new FormField(f.Name, f.Value)).ToList(), []);

    private static IReadOnlyList<string>? ValuesOf(BoundRequest bound, string name) =>
        bound.Parameters.SingleOrDefault(p => p.Name == name)?.Values;

    /// <summary>Binds one field of one parameter and returns its canonical values, failing with the binder's errors.</summary>
    private static IReadOnlyList<string> Accepted(ParameterDefinition parameter, params string[] raw)
    {
        var bound = Bind(With(parameter), raw.Select(r => (parameter.Name, r)).ToArray());
        Assert.True(bound.IsValid, string.Join("; ", bound.Errors));
        return ValuesOf(bound, parameter.Name)!;
    }

    /// <summary>Binds and returns the single error, which must name the parameter.</summary>
    private static string Refused(ParameterDefinition parameter, params string[] raw)
    {
        var bound = Bind(With(parameter), raw.Select(r => (parameter.Name, r)).ToArray());
        var error = Assert.Single(bound.Errors);
        Assert.StartsWith(parameter.Name + ":", error, StringComparison.Ordinal);
        return error;
    }

    private static ParameterDefinition Scalar(ParameterType type, string name = "p") => new() { Name = name, Type = type };

    [Fact]
    public void BindCreation_AcceptsTheString_WhenItMatchesThePattern()
    {
        var name = Scalar(ParameterType.String) with { Pattern = ParameterDefinition.CompilePattern("[A-Za-z ]+") };

        Assert.Equal(["Vega and Altair"], Accepted(name, "Vega and Altair"));
        Assert.Contains("does not match the pattern", Refused(name, "Vega; rm -rf /"), StringComparison.Ordinal);
    }

    [Fact]
    public void BindCreation_RefusesTheString_WhenItIsLongerThanMaxLength()
    {
        var name = Scalar(ParameterType.String) with { MaxLength = 5 };

        Assert.Equal(["abcde"], Accepted(name, "abcde"));
        Assert.Contains("at most 5", Refused(name, "abcdef"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData(" 7 ", "7")]
    [InlineData("-3", "-3")]
    [InlineData("+10", "10")]
    public void BindCreation_CanonicalizesTheInteger_WhenItIsWithinRange(string raw, string canonical)
    {
        Assert.Equal([canonical], Accepted(Scalar(ParameterType.Integer) with { Min = -5, Max = 100 }, raw));
    }

    [Theory]
    [InlineData("-6", "below the minimum -5")]
    [InlineData("101", "above the maximum 100")]
    [InlineData("12abc", "not an integer")]
    [InlineData("1.5", "not an integer")]
    [InlineData("0x10", "not an integer")]
    public void BindCreation_RefusesTheInteger_WhenItIsOutOfRangeOrMalformed(string raw, string reason)
    {
        Assert.Contains(reason, Refused(Scalar(ParameterType.Integer) with { Min = -5, Max = 100 }, raw), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "1.5")]
    [InlineData("1e-3", "0.001")]
    [InlineData("2.50", "2.5")]
    [InlineData("0", "0")]
    public void BindCreation_CanonicalizesTheReal_WhenItIsWithinRange(string raw, string canonical)
    {
        Assert.Equal([canonical], Accepted(Scalar(ParameterType.Real) with { Min = 0, Max = 10 }, raw));
    }

    [Theory]
    [InlineData("-0.1", "below the minimum 0")]
    [InlineData("10.01", "above the maximum 10")]
    [InlineData("1,5", "not a real number")]
    [InlineData("NaN", "not a real number")]
    [InlineData("Infinity", "not a real number")]
    public void BindCreation_RefusesTheReal_WhenItIsOutOfRangeOrMalformed(string raw, string reason)
    {
        Assert.Contains(reason, Refused(Scalar(ParameterType.Real) with { Min = 0, Max = 10 }, raw), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("yes", "true")]
    [InlineData("on", "true")]
    [InlineData("1", "true")]
    [InlineData("false", "false")]
    [InlineData("No", "false")]
    [InlineData("off", "false")]
    [InlineData("0", "false")]
    public void BindCreation_CanonicalizesTheBoolean_WhenItIsACommonSpelling(string raw, string canonical)
    {
        Assert.Equal([canonical], Accepted(Scalar(ParameterType.Boolean), raw));
    }

    [Fact]
    public void BindCreation_RefusesTheBoolean_WhenItIsNoKnownSpelling()
    {
        Assert.Contains("not a boolean", Refused(Scalar(ParameterType.Boolean), "maybe"), StringComparison.Ordinal);
    }

    [Fact]
    public void BindCreation_ReturnsTheCanonicalEnumValue_WhenTheCaseDiffers()
    {
        var model = Scalar(ParameterType.Enum) with { Values = ["uniform", "limb-darkened"] };

        Assert.Equal(["limb-darkened"], Accepted(model, "LIMB-Darkened"));
        Assert.Contains("not one of: uniform, limb-darkened", Refused(model, "gaussian"), StringComparison.Ordinal);
    }
}
