// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>Records (fields:) and tables (columns:, rows) as a definition declares them, and how they reach the program (as:).</summary>
public sealed partial class ServiceDefinitionReaderTests
{
    private const string SpeciesHead = "name: lines\ncommand: [lvg, '{species}', '{cloud.density}']\nparameters:\n";
    private const string Species =
        "  species:\n    type: table\n    max_rows: 50\n    columns:\n" +
        "      molecule: {type: string, required: true, pattern: '[A-Za-z0-9+]+'}\n" +
        "      abundance: {type: real, min: 0, required: true}\n";
    private const string Cloud =
        "  cloud:\n    type: record\n    as: arguments\n    fields:\n" +
        "      density: {type: real, min: 0, default: 10000, unit: cm-3}\n" +
        "      turbulent: {type: boolean, default: false}\n";

    [Fact]
    public void Read_TakesATableAndARecord_WithTheirFieldsRowsAndDelivery()
    {
        var service = ServiceDefinitionReader.Read(Write(SpeciesHead + Species + Cloud), Executors, out var problems);

        Assert.Empty(problems);
        var species = service!.FindParameter("species")!;
        Assert.Equal(ParameterType.Table, species.Type);
        Assert.Equal(["molecule", "abundance"], species.Fields.Select(f => f.Name));
        Assert.Equal([ParameterType.String, ParameterType.Real], species.Fields.Select(f => f.Type));
        Assert.True(species.Fields[0].Required);
        Assert.Equal(0, species.Fields[1].Min);
        Assert.Equal((0, 50), (species.MinItems, species.MaxItems));
        Assert.Equal(StructuredDelivery.Csv, species.Delivery);
        var cloud = service.FindParameter("cloud")!;
        Assert.Equal(StructuredDelivery.Arguments, cloud.Delivery);
        Assert.Equal("cm-3", cloud.Fields[0].Unit);
        // Every field has a default, so the record has one: its fields' defaults.
        Assert.Equal(["{\"density\":10000,\"turbulent\":false}"], cloud.Default);
    }

    [Theory]
    [InlineData("  cloud:\n    type: record\n    fields: {}\n", 7, "'fields:' must map each name to its declaration")]
    [InlineData("  cloud:\n    type: record\n", 6, "'fields:' must map each name to its declaration")]
    [InlineData("  cloud:\n    type: record\n    fields: {a: {type: real}}\n    columns: {a: {type: real}}\n", 8, "'columns' applies to tables only")]
    [InlineData("  cloud:\n    type: real\n    as: csv\n", 7, "'as' applies to records and tables only")]
    [InlineData("  cloud:\n    type: record\n    as: yaml\n    fields: {a: {type: real}}\n", 7, "as 'yaml' is not known (use csv or json for a file, or arguments)")]
    [InlineData("  cloud:\n    type: record\n    fields:\n      a: {type: file}\n", 8, "field 'cloud.a' holds one value")]
    [InlineData("  cloud:\n    type: record\n    fields:\n      a: {type: real, when: {b: [x]}}\n", 8, "field 'cloud.a': unknown key 'when'")]
    [InlineData("  cloud:\n    type: record\n    default: '{}'\n    fields: {a: {type: real}}\n", 7, "a record has no default of its own; give its fields defaults")]
    [InlineData("  cloud:\n    type: real\n    min_rows: 2\n", 7, "'min_rows' does not apply to this type")]
    public void Read_ReportsTheLine_WhenAStructureIsWrong(string yaml, int line, string reason)
    {
        AssertProblem("name: broken\ntitle: Broken\ncommand: [tool]\nparameters:\n" + yaml, line, reason);
    }

    [Fact]
    public void Read_RefusesTheWholeRecordAsAPlaceholder_WhenItIsHandedOverAsArguments()
    {
        AssertProblem("name: broken\ncommand: [tool, '{cloud}']\nparameters:\n" + Cloud, 2, "'cloud' is handed over as arguments (as: arguments): name its fields, such as {cloud.density}");
    }

    [Fact]
    public void Read_RefusesAPlaceholderNamingNoField()
    {
        AssertProblem("name: broken\ncommand: [tool, '{cloud.pressure}']\nparameters:\n" + Cloud, 2, "command uses {cloud.pressure}, which is neither a declared parameter");
    }
}
