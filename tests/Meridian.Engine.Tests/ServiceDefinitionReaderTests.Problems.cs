// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ServiceDefinitionReaderTests
{
    /// <summary>Lines 1-3 of every broken definition; the broken part starts on line 4 unless it replaces the command.</summary>
    private const string Head = "name: broken\ntitle: Broken\ncommand: [tool]\n";

    private void AssertProblem(string yaml, int line, string reason)
    {
        var path = Write(yaml);

        var service = ServiceDefinitionReader.Read(path, Executors, out var problems);

        Assert.Null(service);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path}:{line}: ", problem, StringComparison.Ordinal);
        Assert.True(problem.Contains(reason, StringComparison.Ordinal), $"expected '{reason}' in: {problem}");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenTheYamlIsMalformed()
    {
        AssertProblem(Head + "description: a: b\n", 4, "invalid mapping");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenATopLevelKeyIsUnknown()
    {
        AssertProblem(Head + "colour: blue\n", 4, "unknown key 'colour'");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAPatternHintHasNoPattern()
    {
        AssertProblem(Head + "parameters:\n  x:\n    type: string\n    pattern_hint: a name\n", 7, "parameter 'x': 'pattern_hint:' describes a pattern; give 'pattern:' too");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAParameterKeyIsMisspelt()
    {
        AssertProblem(Head + "parameters:\n  x:\n    type: integer\n    requried: true\n", 7, "parameter 'x': unknown key 'requried'");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAParameterTypeIsUnknown()
    {
        AssertProblem(Head + "parameters:\n  x: {type: integr}\n", 5, "type 'integr' is not one of");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAnEnumHasNoValues()
    {
        AssertProblem(Head + "parameters:\n  x: {type: enum}\n", 5, "an enum needs 'values:'");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenADefaultIsOutOfRange()
    {
        AssertProblem(Head + "parameters:\n  x:\n    type: integer\n    max: 10\n    default: 20\n", 8, "default 20 is above the maximum 10");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenMinIsGreaterThanMax()
    {
        AssertProblem(Head + "parameters:\n  x: {type: real, min: 5, max: 1}\n", 5, "min is greater than max");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenTheCommandUsesAnUnknownPlaceholder()
    {
        AssertProblem("name: broken\nparameters:\n  x: {type: real}\ncommand: [tool, \"{x}\", \"--y={why}\"]\n", 4, "command uses {why}");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenTheCommandIsAShellString()
    {
        AssertProblem("name: broken\n\ncommand: tool --x 1 | tee out\n", 3, "command must be a non-empty list");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAResultHasBothPathAndGlob()
    {
        AssertProblem(Head + "results:\n  - {name: out, path: out.txt}\n  - {name: more, path: a.txt, glob: \"*.txt\"}\n", 6, "needs exactly one of path: or glob:");
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("out/../../secret.txt")]
    [InlineData("/etc/passwd")]
    public void Read_ReportsTheLine_WhenAResultPathLeavesTheWorkingDirectory(string resultPath)
    {
        AssertProblem(Head + $"results:\n  - name: out\n    path: {resultPath}\n", 5, "must be relative to the job's working directory and stay inside it");
    }

    [Theory]
    [InlineData("PHASE")]
    [InlineData("runid")]
    [InlineData("Destruction")]
    [InlineData("EXECUTIONDURATION")]
    [InlineData("job_id")]
    public void Read_ReportsTheLine_WhenAParameterNameIsReserved(string name)
    {
        AssertProblem(Head + $"parameters:\n  y: {{type: real}}\n  {name}: {{type: string}}\n", 6, $"parameter name '{name}' is reserved");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenTheExecutorIsUnknown()
    {
        AssertProblem(Head + "executor: slurm\n", 4, "executor 'slurm' is not available on this server (available: local)");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAParameterIsDeclaredTwice()
    {
        AssertProblem(Head + "parameters:\n  x: {type: real}\n  y: {type: real}\n  x: {type: integer}\n", 7, "Duplicate key");
    }

    [Fact]
    public void Read_ReportsTheLine_WhenAParameterNameIsNotAString()
    {
        AssertProblem(Head + "parameters:\n  x: {type: real}\n  [a, b]: {type: real}\n", 6, "parameter name");
    }
}
