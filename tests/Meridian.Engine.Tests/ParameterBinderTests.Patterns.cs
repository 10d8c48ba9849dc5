// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>A value refused by a pattern is explained in words: the definition's hint, else its default as an example.</summary>
public sealed partial class ParameterBinderTests
{
    private static ParameterDefinition Target(string? hint = null, string? example = null) =>
        Scalar(ParameterType.String, "target") with
        {
            Pattern = ParameterDefinition.CompilePattern("[A-Z]+ [0-9]+"),
            PatternHint = hint,
            Default = example is null ? [] : [example],
        };

    [Fact]
    public void BindCreation_SaysThePatternHint_WhenTheDefinitionGivesOne()
    {
        Assert.Equal("target: 'vega' must be a catalogue name and a number, such as HD 12345",
            Refused(Target(hint: "a catalogue name and a number, such as HD 12345"), "vega"));
    }

    [Fact]
    public void BindCreation_GivesTheDefaultAsAnExample_WhenThereIsNoHint()
    {
        Assert.Equal("target: 'vega' must look like 'HD 12345'", Refused(Target(example: "HD 12345"), "vega"));
    }

    [Fact]
    public void BindCreation_QuotesThePatternAsWritten_WhenThereIsNeitherHintNorDefault()
    {
        Assert.Equal("target: 'vega' does not match the pattern [A-Z]+ [0-9]+", Refused(Target(), "vega"));
    }
}
