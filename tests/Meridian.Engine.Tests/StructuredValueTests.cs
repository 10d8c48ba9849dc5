// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>A record's or a table's value: checked field by field, kept as canonical JSON, written for the program.</summary>
public sealed class StructuredValueTests
{
    private static readonly ParameterDefinition Species = new()
    {
        Name = "species",
        Type = ParameterType.Table,
        MinItems = 1,
        MaxItems = 3,
        Delivery = StructuredDelivery.Csv,
        Fields =
        [
            new ParameterDefinition { Name = "molecule", Type = ParameterType.String, Required = true },
            new ParameterDefinition { Name = "abundance", Type = ParameterType.Real, Min = 0, Required = true },
            new ParameterDefinition { Name = "ortho", Type = ParameterType.Boolean, Default = ["false"] },
        ],
    };

    private static readonly ParameterDefinition Grid = new()
    {
        Name = "grid",
        Type = ParameterType.Record,
        Fields =
        [
            new ParameterDefinition { Name = "nx", Type = ParameterType.Integer, Min = 1, Default = ["64"] },
            new ParameterDefinition { Name = "mode", Type = ParameterType.Enum, Values = ["lte", "lvg"] },
        ],
    };

    [Fact]
    public void TryCanonicalize_SpellsEqualTablesAlike_FromJsonOrPastedCsv()
    {
        var json = Species.TryCanonicalize("[{\"abundance\": 1e-4, \"Molecule\": \"CO\"}, {\"molecule\": \"HCO+\", \"abundance\": \"2.5E-9\", \"ortho\": \"yes\"}]", out var jsonError);
        var csv = Species.TryCanonicalize("molecule, abundance ,ortho\r\nCO,0.0001,\n\"HCO+\",2.5e-9,true\n\n", out var csvError);

        Assert.Null(jsonError);
        Assert.Null(csvError);
        Assert.Equal("[{\"molecule\":\"CO\",\"abundance\":0.0001,\"ortho\":false},{\"molecule\":\"HCO+\",\"abundance\":2.5E-09,\"ortho\":true}]", json);
        Assert.Equal(json, csv);
    }

    [Theory]
    [InlineData("[{\"molecule\": \"CO\", \"abundance\": -1}]", "row 1, abundance: -1 is below the minimum 0")]
    [InlineData("[{\"molecule\": \"CO\", \"abundance\": 1}, {\"abundance\": 1}]", "row 2, molecule: required")]
    [InlineData("[{\"molecule\": \"CO\", \"abundance\": 1, \"mass\": 28}]", "row 1, 'mass' is not one of the columns: molecule, abundance, ortho")]
    [InlineData("[{\"molecule\": [\"CO\"], \"abundance\": 1}]", "row 1: molecule: a field holds one value")]
    [InlineData("[]", "0 rows given; between 1 and 3 are accepted")]
    [InlineData("{\"molecule\": \"CO\"}", "not a JSON array")]
    [InlineData("[{\"molecule\": \"CO\", \"abundance\": 1,]", "not valid JSON")]
    [InlineData("molecule,abundance\nCO", "CSV row 1 has 1 cells; the header has 2")]
    [InlineData("molecule,abundance\n\"CO,1", "a quoted cell is not closed")]
    public void TryCanonicalize_NamesTheRowAndTheField_WhenATableIsWrong(string raw, string reason)
    {
        Assert.Null(Species.TryCanonicalize(raw, out var error));
        var expected = reason == "not a JSON array" ? "a table is a JSON array of rows such as [{\"molecule\": \"text\"" : reason;
        Assert.True(error!.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in: {error}");
    }

    [Fact]
    public void TryCanonicalize_FillsARecordsDefaults_AndRefusesAValueOutsideItsField()
    {
        Assert.Equal("{\"nx\":64,\"mode\":\"lvg\"}", Grid.TryCanonicalize("{\"mode\": \"LVG\"}", out _));
        Assert.Equal("{\"nx\":8}", Grid.TryCanonicalize("{\"nx\": 8, \"mode\": null}", out _));
        Assert.Null(Grid.TryCanonicalize("{\"nx\": 0}", out var error));
        Assert.Equal("nx: 0 is below the minimum 1", error);
        Assert.Null(Grid.TryCanonicalize("{\"nx\": 2, \"nx\": 3}", out error));
        Assert.Equal("'nx' is given twice", error);
    }

    [Fact]
    public void Placeholders_GiveAColumnRowByRow_AndARecordsFieldsOneEach()
    {
        var table = Species.TryCanonicalize("[{\"molecule\":\"CO\",\"abundance\":1e-4},{\"molecule\":\"CS\",\"abundance\":3e-9}]", out _)!;

        var columns = StructuredValue.Placeholders(Species, table).ToDictionary();
        var fields = StructuredValue.Placeholders(Grid, "{\"nx\":8}").ToDictionary();

        Assert.Equal(["CO", "CS"], columns["species.molecule"]);
        Assert.Equal(["0.0001", "3E-09"], columns["species.abundance"]);
        Assert.Equal(["false", "false"], columns["species.ortho"]);
        Assert.Equal(["8"], fields["grid.nx"]);
        Assert.False(fields.ContainsKey("grid.mode"));
    }

    [Fact]
    public void WriteFile_WritesCsvThatReadsBackToTheSameValue_QuotingWhatNeedsIt()
    {
        var table = Species.TryCanonicalize("[{\"molecule\":\"a, \\\"b\\\"\",\"abundance\":1},{\"molecule\":\" padded \",\"abundance\":2}]", out _)!;
        var file = new MemoryStream();

        StructuredValue.WriteFile(Species, table, file);

        var text = Encoding.UTF8.GetString(file.ToArray());
        Assert.Equal("molecule,abundance,ortho\n\"a, \"\"b\"\"\",1,false\n\" padded \",2,false\n", text);
        Assert.Equal(table, Species.TryCanonicalize(text, out _));
    }

    [Fact]
    public void WriteFile_WritesTheCanonicalJson_ForAJsonDelivery()
    {
        var file = new MemoryStream();

        StructuredValue.WriteFile(Grid, "{\"nx\":8}", file);

        Assert.Equal("{\"nx\":8}\n", Encoding.UTF8.GetString(file.ToArray()));
    }
}
