// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Server.Tests;

/// <summary>Each example service of services/ does what its description promises, through the UWS interface.</summary>
public sealed class ExampleServiceTests(ExampleServicesApplication examples) : IClassFixture<ExampleServicesApplication>
{
    private readonly MeridianApplication _app = examples.Application;
    private UwsClient Uws => new(_app.Client);

    [Fact]
    public async Task Hello_GreetsByName_AndRefusesANameOutsideItsPattern()
    {
        var jobUrl = await Uws.CreateAsync("hello", ("name", "Ada Lovelace"), ("times", "2"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        Assert.Equal("Hello, Ada Lovelace!\nHello, Ada Lovelace!\n", await Uws.GetTextAsync(UwsClient.ResultLinks(job)["greeting"]));
        using var refused = await Uws.PostAsync("/uws/hello", ("name", "$(reboot)"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task UdVisibility_ComputesTheUniformDiskCurve_WithItsFirstNull()
    {
        // theta = 1 mas at 2.2 um: x = pi B theta / lambda is 1 at B = 144.4418 m and 3.8317 (the first null) at 553.5 m.
        var jobUrl = await Uws.CreateAsync("ud-visibility", ("theta", "1"), ("wavelength", "2.2"), ("baselines", "0 144.4418 553.47"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var rows = await ReadCsvAsync(UwsClient.ResultLinks(job)["vis2"]);
        Assert.Equal(1.0, rows[0][2], 9);
        Assert.Equal(Math.Pow(2 * 0.4400505857, 2), rows[1][2], 4);
        Assert.InRange(rows[2][2], 0, 1e-6);
        Assert.Contains("<svg", await Uws.GetTextAsync(UwsClient.ResultLinks(job)["plot"]));
        var plot = job.Root!.Element(UwsClient.Uws + "results")!.Elements().Single(r => r.Attribute("id")!.Value == "plot");
        Assert.Equal("image/svg+xml", plot.Attribute("mime-type")?.Value);
    }

    [Fact]
    public async Task UdVisibility_LimbDarkening_RaisesTheVisibilityAtTheUniformNull()
    {
        var jobUrl = await Uws.CreateAsync("ud-visibility", ("theta", "1"), ("wavelength", "2.2"), ("baselines", "553.47"), ("model", "Limb-Darkened"), ("u", "0.6"), ("npoints", "11"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        var rows = await ReadCsvAsync(UwsClient.ResultLinks(job)["vis2"]);
        Assert.Equal(11, rows.Count);
        Assert.Equal(0.0, rows[0][0]);
        Assert.Equal(553.47, rows[10][0], 6);
        Assert.InRange(rows[10][2], 1e-4, 0.05);
        Assert.Contains(("model", "limb-darkened"), UwsClient.Parameters(job));
    }

    [Fact]
    public async Task TableStats_SummarisesTheNumericColumnsOfAnUploadedTable()
    {
        var jobUrl = await CreateWithUploadAsync("a,b,label\n1,2,x\n3,4,y\n5,,z\n");

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var stats = await Uws.GetTextAsync(UwsClient.ResultLinks(job)["stats"]);
        Assert.Equal("column,count,min,max,mean,stddev\na,3,1,5,3,2\nb,2,2,4,3,1.414213562\n", stats);
    }

    [Fact]
    public async Task TableStats_FailsWithAReason_WhenTheTableHasNoNumbers()
    {
        var jobUrl = await CreateWithUploadAsync("name\nx\ny\n");

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("ERROR", UwsClient.Phase(job));
        var message = UwsClient.ErrorSummary(job)!.Value;
        Assert.Contains("exited with code 2", message);
        Assert.Contains("no numeric column found", message);
    }

    [Fact]
    public async Task Countdown_ReportsItsProgress_AndCanBeAborted()
    {
        var jobUrl = await Uws.CreateAsync("countdown", ("seconds", "60"), ("PHASE", "RUN"));
        await Uws.GetXmlAsync($"{jobUrl}?WAIT=3&PHASE=QUEUED");

        var fraction = 0.0;
        for (var i = 0; i < 40 && fraction == 0; i++)
        {
            await Task.Delay(250);
            var progress = (await Uws.GetXmlAsync(jobUrl)).Root!.Element(UwsClient.Uws + "jobInfo")?.Elements().SingleOrDefault();
            fraction = progress is null ? 0 : double.Parse(progress.Attribute("fraction")!.Value, CultureInfo.InvariantCulture);
        }

        Assert.InRange(fraction, 0.01, 0.5);
        using (await Uws.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT")))
        {
        }

        Assert.Equal("ABORTED", await Uws.PhaseAsync(jobUrl));
    }

    [Fact]
    public async Task Countdown_FailsOnPurpose_AtTheRequestedSecond()
    {
        var jobUrl = await Uws.CreateAsync("countdown", ("seconds", "30"), ("fail_at", "1"), ("PHASE", "RUN"));

        var job = await Uws.WaitForEndAsync(jobUrl);

        Assert.Equal("ERROR", UwsClient.Phase(job));
        Assert.Contains("simulated failure at second 1 of 30", UwsClient.ErrorSummary(job)!.Value);
    }

    [Fact]
    public async Task OiImaging_ReconstructsAnUploadedOifitsFile_WithItsLogPreviewAndHistory()
    {
        var oifits = Path.Combine(ExampleServicesApplication.RepositoryRoot(), "..", "shared", "data", "oifits", "2004-FKV1137-L1L2-example.fits");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(oifits));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/fits");
        form.Add(file, "inputfile", "FKV1137.fits");
        form.Add(new StringContent("4"), "maxiter");
        form.Add(new StringContent("tv"), "regulariser");
        form.Add(new StringContent("RUN"), "PHASE");
        using var response = await _app.Client.PostAsync("/uws/oi-imaging", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);

        var job = await Uws.WaitForEndAsync(response.Headers.Location!.ToString());

        Assert.Equal("COMPLETED", UwsClient.Phase(job));
        var links = UwsClient.ResultLinks(job);
        var log = await Uws.GetTextAsync(links["logfile"]);
        Assert.Contains("done: 4 iterations", log);
        Assert.Contains("regulariser tv", log);
        Assert.StartsWith("SIMPLE  =", await Uws.GetTextAsync(links["outputfile"]));
        Assert.StartsWith("iteration,chi2,reduced_chi2", await Uws.GetTextAsync(links["history"]));
        Assert.Contains("preview", links.Keys);
    }

    [Fact]
    public async Task OiImaging_RefusesAnInitialImage_UnlessTheStartIsAnUpload()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([1, 2, 3]), "inputfile", "in.fits");
        form.Add(new ByteArrayContent([1, 2, 3]), "init_image", "start.fits");
        using var response = await _app.Client.PostAsync("/uws/oi-imaging", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("init_image: applies only when start is upload", await response.Content.ReadAsStringAsync());
    }

    private async Task<string> CreateWithUploadAsync(string table)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(table));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "table", "table.csv");
        form.Add(new StringContent("RUN"), "PHASE");
        using var response = await _app.Client.PostAsync("/uws/table-stats", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private async Task<List<double[]>> ReadCsvAsync(string url)
    {
        var lines = (await Uws.GetTextAsync(url)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(line => line.Split(',').Select(cell => double.Parse(cell, CultureInfo.InvariantCulture)).ToArray()).ToList();
    }
}
