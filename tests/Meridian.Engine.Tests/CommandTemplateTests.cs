// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Tests.Fakes;
using Xunit;
using static Meridian.Engine.Tests.Fakes.TestServices;

namespace Meridian.Engine.Tests;

public sealed class CommandTemplateTests
{
    private static readonly IReadOnlySet<string> NoBooleans = new HashSet<string>();

    private static IReadOnlyList<string> Render(CommandTemplate template, Dictionary<string, IReadOnlyList<string>> values, params string[] booleans) =>
        template.Render(values, booleans.ToHashSet());

    private static string? ParseError(params object[] elements)
    {
        var template = CommandTemplate.TryParse(TestServices.Sources(elements), out var error);
        Assert.True(template is null == error is not null, "a parse either succeeds or says why it failed");
        return error;
    }

    [Fact]
    public void Render_KeepsLiteralElements_WhenThereAreNoPlaceholders()
    {
        var template = Command("/usr/bin/tool", "--verbose", "-o", "out file.txt");

        Assert.Equal(["/usr/bin/tool", "--verbose", "-o", "out file.txt"], template.Render(new Dictionary<string, IReadOnlyList<string>>(), NoBooleans));
    }

    [Fact]
    public void Render_SubstitutesTheValue_WhenAnElementHasAPlaceholder()
    {
        var template = Command("tool", "{x}", "--theta={theta}mas");

        Assert.Equal(["tool", "5", "--theta=1.5mas"], Render(template, new() { ["x"] = ["5"], ["theta"] = ["1.5"] }));
    }

    [Fact]
    public void Render_ExpandsTheListIntoArguments_WhenAListPlaceholderStandsAlone()
    {
        var template = Command("tool", "--", "{baselines}");

        Assert.Equal(["tool", "--", "10", "50", "100"], Render(template, new() { ["baselines"] = ["10", "50", "100"] }));
    }

    [Fact]
    public void Render_JoinsTheListWithCommas_WhenAListPlaceholderIsInsideText()
    {
        var template = Command("tool", "--baselines={baselines}");

        Assert.Equal(["tool", "--baselines=10,50,100"], Render(template, new() { ["baselines"] = ["10", "50", "100"] }));
    }

    [Fact]
    public void Render_DropsTheElement_WhenAnOptionalValueIsAbsent()
    {
        var template = Command("tool", "{npoints}", "--n={npoints}", "--end");

        Assert.Equal(["tool", "--end"], Render(template, new()));
    }

    [Fact]
    public void Render_DropsTheWholeGroup_WhenOneOfItsValuesIsMissing()
    {
        var template = Command("tool", Group("--range", "{lo}", "{hi}"), "--end");

        Assert.Equal(["tool", "--end"], Render(template, new() { ["lo"] = ["1"] }));
        Assert.Equal(["tool", "--range", "1", "9", "--end"], Render(template, new() { ["lo"] = ["1"], ["hi"] = ["9"] }));
    }

    [Fact]
    public void Render_DropsTheGroup_WhenItsBooleanIsFalse()
    {
        var template = Command("tool", Group("--plot", "{?plot}"));

        Assert.Equal(["tool"], Render(template, new() { ["plot"] = ["false"] }, "plot"));
        Assert.Equal(["tool", "--plot"], Render(template, new() { ["plot"] = ["true"] }, "plot"));
    }

    [Fact]
    public void Render_RendersNothingForACondition_WhenTheGroupIsKept()
    {
        var template = Command("tool", Group("{?model}", "--limb-darkening", "{u}"));

        Assert.Equal(["tool", "--limb-darkening", "0.3"], Render(template, new() { ["model"] = ["ld"], ["u"] = ["0.3"] }));
    }

    [Fact]
    public void Render_WritesLiteralBraces_WhenTheyAreDoubled()
    {
        var template = Command("tool", "{{literal}}", "--fmt={{x}}={x}");

        Assert.Equal(["tool", "{literal}", "--fmt={x}=7"], Render(template, new() { ["x"] = ["7"] }));
    }

    [Fact]
    public void Render_KeepsAHostileValueAsOneArgument_WhenItHoldsShellSyntax()
    {
        const string hostile = "a b; rm -rf / && $(touch x) `id` \"q\" 'r' | cat > /tmp/y\n{x}";
        var template = Command("tool", "{name}", "--name={name}");

        Assert.Equal(["tool", hostile, "--name=" + hostile], Render(template, new() { ["name"] = [hostile] }));
    }

    [Fact]
    public void PlaceholderNames_ListsEveryPlaceholder_IncludingConditionsAndGroups()
    {
        var template = Command("tool", "{a}", "x{b}y", Group("{?c}", "{d}"));

        Assert.Equal(["a", "b", "c", "d"], template.PlaceholderNames.Order());
    }

    [Theory]
    [InlineData("--n={n", "unclosed")]
    [InlineData("a}b", "stray")]
    [InlineData("{?flag}", "inside a group")]
    [InlineData("{a-b}", "not a placeholder name")]
    [InlineData("{}", "not a placeholder name")]
    public void TryParse_ReportsTheProblem_WhenAnArgumentIsMalformed(string argument, string reason)
    {
        Assert.Contains(reason, ParseError("tool", argument), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ReportsTheProblem_WhenAConditionIsMixedWithText()
    {
        Assert.Contains("stand alone", ParseError("tool", Group("--x{?flag}")), StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ReportsTheProblem_WhenTheFirstElementIsAPlaceholder()
    {
        Assert.Contains("first element", ParseError("{program}", "--x"), StringComparison.Ordinal);
        Assert.Contains("first element", ParseError(Group("tool")), StringComparison.Ordinal);
        Assert.Contains("first element", ParseError(), StringComparison.Ordinal);
    }
}
