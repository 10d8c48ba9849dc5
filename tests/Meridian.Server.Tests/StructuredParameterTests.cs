// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Meridian.Server.Tests;

/// <summary>
/// Records and tables end to end, through the column-density example: a table of species pasted as CSV or sent
/// as JSON, a record taken apart into arguments, the program's answer checked against N = X n(H2) L.
/// </summary>
public sealed class StructuredParameterTests(ExampleServicesApplication examples) : IClassFixture<ExampleServicesApplication>
{
    private const double Parsec = 3.0857e18;
    private readonly MeridianApplication _app = examples.Application;
    private UwsClient Uws => new(_app.Client);

    [Fact]
    public async Task ColumnDensity_ComputesEachSpecies_FromATablePastedAsCsv()
    {
        var jobUrl = await Uws.CreateAsync("column-density",
            ("species", "molecule,abundance\r\nCO,1e-4\r\n\"HCO+\",2.5e-9\r\n"), ("cloud", "{\"density\": 2e4, \"depth\": 0.5}"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var lines = (await Uws.GetTextAsync(UwsClient.ResultLinks(job)["column_densities"])).TrimEnd().Split('\n');
        Assert.Equal("molecule,abundance,column_density", lines[0]);
        var rows = lines[1..].Select(line => line.Split(',')).ToList();
        Assert.Equal(["CO", "HCO+"], rows.Select(r => r[0]));
        Assert.Equal(1e-4 * 2e4 * 0.5 * Parsec, double.Parse(rows[0][2], CultureInfo.InvariantCulture), 1e-6 * 1e-4 * 2e4 * 0.5 * Parsec);
        Assert.Equal(2.5e-9 * 2e4 * 0.5 * Parsec, double.Parse(rows[1][2], CultureInfo.InvariantCulture), 1e-6 * 2.5e-9 * 2e4 * 0.5 * Parsec);
        // The job keeps the value as canonical JSON, whichever way it came, in a schema-valid document.
        var parameters = Parameters(job);
        Assert.Equal("[{\"molecule\":\"CO\",\"abundance\":0.0001},{\"molecule\":\"HCO+\",\"abundance\":2.5E-09}]", parameters["species"]);
        Assert.Equal("{\"density\":20000,\"depth\":0.5}", parameters["cloud"]);
    }

    [Fact]
    public async Task ColumnDensity_TakesTheCloudsDefaults_WhenTheRecordIsNotGiven()
    {
        var jobUrl = await Uws.CreateAsync("column-density", ("species", "[{\"molecule\": \"CS\", \"abundance\": 3e-9}]"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var row = (await Uws.GetTextAsync(UwsClient.ResultLinks(job)["column_densities"])).TrimEnd().Split('\n')[1].Split(',');
        Assert.Equal(3e-9 * 1e4 * 0.1 * Parsec, double.Parse(row[2], CultureInfo.InvariantCulture), 1e-6 * 3e-9 * 1e4 * 0.1 * Parsec);
        Assert.Equal("{\"density\":10000,\"depth\":0.1}", Parameters(job)["cloud"]);
    }

    [Theory]
    [InlineData("molecule,abundance\nCO,-1\n", "species: row 1, abundance: -1 is below the minimum 0")]
    [InlineData("molecule,abundance\nCO;DROP,1e-4\n", "species: row 1, molecule: 'CO;DROP' does not match")]
    [InlineData("molecule,abundance,mass\nCO,1e-4,28\n", "species: row 1, 'mass' is not one of the columns: molecule, abundance")]
    [InlineData("[]", "species: 0 rows given; between 1 and 200 are accepted")]
    public async Task ColumnDensity_RefusesABadRow_WithTheRowAndTheColumnNamed(string species, string reason)
    {
        using var response = await Uws.PostAsync("/uws/column-density", ("species", species));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ColumnDensity_ChangesAPendingJobsTable_AndTheProgramReadsTheNewOne()
    {
        var jobUrl = await Uws.CreateAsync("column-density", ("species", "molecule,abundance\nCO,1e-4\n"));

        using var changed = await Uws.PostAsync(jobUrl + "/parameters", ("species", "molecule,abundance\nSiO,1e-10\n"));
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        using var run = await Uws.PostAsync(jobUrl + "/phase", ("PHASE", "RUN"));
        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.StartsWith("SiO,", (await Uws.GetTextAsync(UwsClient.ResultLinks(job)["column_densities"])).Split('\n')[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceDescription_GivesTheFormTheColumnsAndTheRows()
    {
        using var description = JsonDocument.Parse(await Uws.GetTextAsync("/api/services/column-density"));

        var species = description.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "species");
        Assert.Equal("table", species.GetProperty("type").GetString());
        Assert.Equal(200, species.GetProperty("maxRows").GetInt32());
        Assert.Equal(["molecule", "abundance"], species.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(0, species.GetProperty("fields")[1].GetProperty("min").GetDouble());
    }

    [Fact]
    public async Task Pyvo_RunsAJobWithATable_AndAstropyReadsItsResult()
    {
        var python = await ClientProgram.RunAsync("/usr/bin/python3",
            [Path.Combine(AppContext.BaseDirectory, "Clients", "pyvo_structured.py"), new Uri(_app.BaseAddress, "uws/column-density").ToString()]);
        Assert.True(python.ExitCode == 0, $"pyvo_structured.py failed: {python.Errors}");

        using var report = JsonDocument.Parse(python.Output);
        Assert.Equal("COMPLETED", report.RootElement.GetProperty("phase").GetString());
        var rows = report.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("HCO+", rows[1][0].GetString());
        Assert.Equal(2e-9 * 2e4 * 0.5 * Parsec, rows[1][2].GetDouble(), 1e-6 * 2e-9 * 2e4 * 0.5 * Parsec);
    }

    private static Dictionary<string, string> Parameters(XDocument job) =>
        job.Root!.Element(UwsClient.Uws + "parameters")!.Elements().ToDictionary(p => p.Attribute("id")!.Value, p => p.Value);
}
