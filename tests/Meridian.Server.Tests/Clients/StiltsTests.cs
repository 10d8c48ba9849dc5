// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;
using Meridian.Compliance;

namespace Meridian.Server.Tests.Clients;

/// <summary>
/// STILTS's tapresume (Debian's stilts), which follows a UWS job as TOPCAT does and reads its main result, a
/// VOTable named `result`, or its error, a DALI error VOTable.
/// </summary>
public sealed class StiltsTests : IDisposable
{
    private readonly MeridianApplication _app = new(null, Path.Combine(ExampleServicesApplication.RepositoryRoot(), "services"));
    private readonly MeridianApplication _failing = new(null, Path.Combine(AppContext.BaseDirectory, "ClientServices"));
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Tapresume_ReadsTheVotableResult_OfTheExampleTableService_AndDeletesTheJob()
    {
        var uws = new UwsClient(_app.Client);
        var job = await uws.CreateAsync("planck-spectrum", ("temperature", "5772"), ("wave_min", "0.2"), ("wave_max", "3"), ("npoints", "15"), ("PHASE", "RUN"));
        var table = _folder.Combine("spectrum.csv");

        var stilts = await ClientProgram.RunAsync("stilts", ["tapresume", $"joburl={job}", "delete=finished", "ofmt=csv", $"out={table}"]);

        Assert.True(stilts.ExitCode == 0, $"stilts tapresume failed:\n{stilts.Output}\n{stilts.Errors}");
        var rows = (await File.ReadAllLinesAsync(table)).ToList();
        Assert.Equal("wavelength,flux,radiance", rows[0]);
        Assert.Equal(15, rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var cells = row.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            var expected = Planck.Radiance(cells[0] * 1e-6, 5772) * 1e-6;
            Assert.InRange(cells[2], expected * (1 - 1e-8), expected * (1 + 1e-8));
        }

        using var gone = await _app.Client.GetAsync(job);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Tapresume_PrintsTheErrorSummaryAndStderr_OfAFailedJob()
    {
        var job = await new UwsClient(_failing.Client).CreateAsync("broken-table", ("PHASE", "RUN"));

        var stilts = await ClientProgram.RunAsync("stilts", ["tapresume", $"joburl={job}", "delete=never", "ofmt=csv", $"out={_folder.Combine("none.csv")}"]);

        Assert.NotEqual(0, stilts.ExitCode);
        var said = stilts.Output + stilts.Errors;
        Assert.DoesNotContain("can't get detail", said, StringComparison.Ordinal);
        Assert.Contains("exited with code 4", said, StringComparison.Ordinal);
        Assert.Contains("column <RA> & <DEC> missing in input", said, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        _failing.Dispose();
        _folder.Dispose();
    }
}
