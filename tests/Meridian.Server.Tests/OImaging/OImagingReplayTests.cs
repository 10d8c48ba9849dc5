// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Server.Tests.OImaging;

/// <summary>
/// The JMMC's OImaging client replayed byte for byte against the real server and the shipped services/oimaging.yaml,
/// which runs the real meridian-reconstruct: everything the client does, and everything it needs to find, for a
/// reconstruction, a cancelled one, a queue longer than the service's concurrent, and a run on a broken file.
/// Iterations are kept few (-maxiter in cliOptions, as a user would type it in OImaging).
/// </summary>
public sealed class OImagingReplayTests(ExampleServicesApplication example) : IClassFixture<ExampleServicesApplication>
{
    private const string Mystery = "2004-mystery1-L1L2WHITE-example.fits";
    private const string Fkv1137 = "2004-FKV1137-L1L2-example.fits";
    private static readonly string[] Active = ["QUEUED", "EXECUTING"];
    private readonly MeridianApplication _app = example.Application;

    private OImagingReplay Client => new(_app.BaseAddress);

    [Fact]
    public async Task Reconstruction_GivesTheClientItsTwoFiles_UnderThePathItAskedFor()
    {
        var outcome = await Client.RunAsync(Mystery, await File.ReadAllBytesAsync(SampleData(Mystery)), "mira-ci", "-maxiter=5 -verbose");

        Assert.Equal(303, outcome.Created.Status);
        Assert.Equal($"{_app.BaseAddress}OImaging-uws/oimaging/oimaging/{outcome.JobId}", outcome.Created.Headers["Location"]);
        Assert.Equal("COMPLETED", outcome.FinalPhase);
        Assert.All(outcome.Phases.SkipLast(1), step => Assert.Contains(step.Phase, Active));
        Assert.All(outcome.Phases.Zip(outcome.Phases.Skip(1)), pair => Assert.True((pair.Second.At - pair.First.At).TotalMilliseconds >= 190));
        Assert.Equal(["logfile", "outputfile"], outcome.Results.Select(r => r.Id).Order());
        Assert.All(outcome.Results, r => Assert.StartsWith($"{_app.BaseAddress}OImaging-uws/oimaging/oimaging/{outcome.JobId}/results/", r.Href, StringComparison.Ordinal));

        var log = Encoding.UTF8.GetString(outcome.Downloads["logfile"]);
        Assert.Contains("mira-ci was asked for; this server runs meridian-reconstruct", log, StringComparison.Ordinal);
        Assert.Contains("cliOptions: -maxiter=5 applied", log, StringComparison.Ordinal);
        Assert.Contains("'-verbose' is not an option of this code; ignored", log, StringComparison.Ordinal);

        // What OImaging loads: the input with the final image and the OUTPUT PARAM table, read back by astropy.
        var output = Path.Combine(_app.DataDirectory, $"replay-{outcome.JobId}.fits");
        await File.WriteAllBytesAsync(output, outcome.Downloads["outputfile"]);
        var astropy = await ClientProgram.RunAsync("/usr/bin/python3", ["-c",
            "import sys\nfrom astropy.io import fits\nh = fits.open(sys.argv[1])\n" +
            "print('final=' + str(h['IMAGE-OI FINAL IMAGE'].data.shape))\n" +
            "print('niter=' + str(h['IMAGE-OI OUTPUT PARAM'].header['NITER']))\n" +
            "print('vis2=' + str(len(h['OI_VIS2'].data)))", output]);
        Assert.True(astropy.ExitCode == 0, astropy.Errors);
        var facts = astropy.Facts();
        Assert.Equal("5", facts["niter"]);
        Assert.Equal("195", facts["vis2"]);
        Assert.Matches(@"^\(\d+, \d+\)$", facts["final"]);

        Assert.Equal(303, outcome.Deleted.Status);
        using var gone = await _app.Client.GetAsync($"/uws/oimaging/{outcome.JobId}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Cancel_AbortsTheRunningReconstruction_AndTheDeleteRemovesIt()
    {
        string? phaseBeforeDelete = null;
        var outcome = await Client.RunAsync(Fkv1137, await File.ReadAllBytesAsync(SampleData(Fkv1137)), "wisard-ci", "-maxiter=100000",
            cancelWhen: phase => phase == "EXECUTING",
            beforeDelete: async jobPath =>
            {
                var uws = new UwsClient(_app.Client);
                var document = await uws.WaitForEndAsync(new Uri(_app.BaseAddress, jobPath).ToString());
                phaseBeforeDelete = UwsClient.Phase(document);
            });

        Assert.Equal("ABORTED", outcome.FinalPhase);
        Assert.Equal("ABORTED", phaseBeforeDelete);
        Assert.Equal(303, outcome.Deleted.Status);
        Assert.False(Directory.Exists(_app.JobFolder(outcome.JobId)));
    }

    [Fact]
    public async Task MoreClientsThanTheServiceRunsAtOnce_WaitQueued_AndAllGetTheirFiles()
    {
        var oifits = await File.ReadAllBytesAsync(SampleData(Fkv1137));
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Client.RunAsync(Fkv1137, oifits, "bsmem-ci", "-maxiter=40")));

        Assert.All(outcomes, o => Assert.Equal("COMPLETED", o.FinalPhase));
        Assert.All(outcomes, o => Assert.Equal(["logfile", "outputfile"], o.Results.Select(r => r.Id).Order()));
        Assert.All(outcomes, o => Assert.Equal(303, o.Deleted.Status));
        // services/oimaging.yaml runs two at once: some client saw its job QUEUED while both others were EXECUTING.
        var executing = outcomes.Select(o => o.Phases.Where(p => p.Phase == "EXECUTING").Select(p => p.At).ToList())
            .Select(times => times.Count == 0 ? (From: TimeSpan.MaxValue, To: TimeSpan.MinValue) : (From: times.Min(), To: times.Max())).ToList();
        Assert.Contains(Enumerable.Range(0, 3), k => outcomes[k].Phases.Any(p => p.Phase == "QUEUED"
            && Enumerable.Range(0, 3).Where(other => other != k).All(other => executing[other].From <= p.At && p.At <= executing[other].To)));
    }

    [Fact]
    public async Task BrokenFile_CompletesWithTheLogAlone_SoTheClientShowsWhy()
    {
        var truncated = (await File.ReadAllBytesAsync(SampleData(Mystery)))[..10000];
        string? error = null;
        var outcome = await Client.RunAsync("broken.fits", truncated, "mira-ci", null,
            beforeDelete: async jobPath => error = await _app.Client.GetStringAsync(jobPath + "/error"));

        Assert.Equal("COMPLETED", outcome.FinalPhase);
        Assert.Equal(["logfile"], outcome.Results.Select(r => r.Id));
        var log = Encoding.UTF8.GetString(outcome.Downloads["logfile"]);
        Assert.Contains("error: the input file is not a readable FITS file: the file ends inside a header", log, StringComparison.Ordinal);
        // stderr is not a result of this service, but it is still read at {job}/error.
        Assert.Contains("--- stderr ---\nmeridian-reconstruct: the input file is not a readable FITS file", error, StringComparison.Ordinal);
        Assert.Equal(303, outcome.Deleted.Status);
    }

    /// <summary>The real files of shared/data/oifits (beside the repository), read where they are.</summary>
    private static string SampleData(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data", "oifits", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"No shared/data/oifits/{name} above {AppContext.BaseDirectory}: the repository should sit beside a 'shared' folder.");
    }
}
