// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>columns: of a table result, the types, units and UCDs its VOTable form declares.</summary>
public sealed partial class ServiceDefinitionReaderTests
{
    private const string TableHead = "name: t\ncommand: [true]\nresults:\n  - name: stars\n    path: stars.csv\n    type: text/csv\n    columns:\n";

    [Fact]
    public void Read_TakesTheDeclaredColumnsOfATableResult()
    {
        var service = ServiceDefinitionReader.Read(Write(TableHead +
            "      - {name: hip, type: char, ucd: meta.id;meta.main}\n" +
            "      - {name: vmag, type: double, unit: mag, ucd: phot.mag;em.opt.V, description: \"V, Johnson\"}\n" +
            "      - {name: note}\n"),
            Executors, out var problems);

        Assert.Empty(problems);
        Assert.Equal(
            [
                new TableColumnDefinition("hip", "char", null, "meta.id;meta.main", null),
                new TableColumnDefinition("vmag", "double", "mag", "phot.mag;em.opt.V", "V, Johnson"),
                new TableColumnDefinition("note", "char", null, null, null),
            ],
            service!.Results.Single().Columns);
    }

    [Theory]
    [InlineData("      - {name: hip, type: integer}\n", 8, "type 'integer' must be one of long, double, boolean, char")]
    [InlineData("      - {name: hip, ucd: 'not a ucd'}\n", 8, "'not a ucd' is not a UCD")]
    [InlineData("      - {name: hip, colour: red}\n", 8, "colour")]
    [InlineData("      - {name: hip}\n      - {name: hip}\n", 9, "column 'hip' is declared twice")]
    [InlineData("      hip: long\n", 8, "columns must be a list")]
    public void Read_ReportsTheLine_WhenAColumnIsWrong(string yaml, int line, string reason)
    {
        AssertProblem(TableHead + yaml, line, reason);
    }

    [Fact]
    public void Read_RefusesColumns_OnAResultThatIsNotATable()
    {
        var yaml = "name: t\ncommand: [true]\nresults:\n  - name: image\n    path: out.fits\n    type: application/fits\n    columns: [{name: x}]\n";

        AssertProblem(yaml, 7, "the result's type must be text/csv or text/tab-separated-values");
    }
}
