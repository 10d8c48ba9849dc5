// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ParameterBinderTests
{
    private static ParameterDefinition ListOf(ParameterType itemType) =>
        new() { Name = "xs", Type = ParameterType.List, ItemType = itemType };

    [Fact]
    public void BindCreation_CollectsEveryValue_WhenAListComesAsRepeatedFields()
    {
        Assert.Equal(["10", "50", "100"], Accepted(ListOf(ParameterType.Real), "10", "50", "100"));
    }

    [Theory]
    [InlineData("10,50,100")]
    [InlineData("10 50 100")]
    [InlineData(" 10, 50\n100 ")]
    public void BindCreation_SplitsTheField_WhenANumericListComesAsOneSeparatedField(string raw)
    {
        Assert.Equal(["10", "50", "100"], Accepted(ListOf(ParameterType.Integer), raw));
    }

    [Fact]
    public void BindCreation_KeepsEachFieldWhole_WhenAStringListHoldsSpacesAndCommas()
    {
        Assert.Equal(["Vega, Altair", "Deneb"], Accepted(ListOf(ParameterType.String), "Vega, Altair", "Deneb"));
    }

    [Fact]
    public void BindCreation_RefusesTheList_WhenItHasTooFewOrTooManyItems()
    {
        var xs = ListOf(ParameterType.Integer) with { MinItems = 2, MaxItems = 3 };

        Assert.Contains("1 values given; between 2 and 3", Refused(xs, "1"), StringComparison.Ordinal);
        Assert.Contains("4 values given", Refused(xs, "1,2,3,4"), StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], Accepted(xs, "1 2 3"));
    }

    [Fact]
    public void BindCreation_RefusesTheList_WhenOneItemBreaksTheItemRules()
    {
        var xs = ListOf(ParameterType.Real) with { Min = 0, Max = 1000 };

        Assert.Contains("1001 is above the maximum 1000", Refused(xs, "10, 1001, 20"), StringComparison.Ordinal);
    }

    [Fact]
    public void BindCreation_ReturnsCanonicalEnumItems_WhenAListOfEnumIsGiven()
    {
        var bands = ListOf(ParameterType.Enum) with { Values = ["J", "H", "K"] };

        Assert.Equal(["K", "H"], Accepted(bands, "k,h"));
    }
}
