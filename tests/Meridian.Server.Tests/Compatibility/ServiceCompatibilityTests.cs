// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Tests.Compatibility;

/// <summary>
/// What a service definition can say to meet a client fixed elsewhere: its results without stdout and stderr
/// (read at {job}/error instead), the exit codes that complete a job, and further paths of its job list, served in
/// place with every URL the server writes under the path the client used.
/// </summary>
public sealed class ServiceCompatibilityTests : IDisposable
{
    private static readonly string Services = Path.Combine(AppContext.BaseDirectory, "CompatibilityServices");
    private readonly MeridianApplication _app = new(null, Services);

    private UwsClient Uws => new(_app.Client);

    private string Base => _app.BaseAddress.ToString().TrimEnd('/');

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnExitCodeTheServiceCallsSuccess_CompletesWithTheDeclaredResultsOnly_AndTheStreamsAtError()
    {
        var job = await Uws.CreateAsync("lenient", ("code", "3"), ("PHASE", "RUN"));

        var document = await Uws.WaitForEndAsync(job);

        Assert.Equal("COMPLETED", UwsClient.Phase(document));
        Assert.Null(UwsClient.ErrorSummary(document));
        Assert.Equal(["log"], UwsClient.ResultLinks(document).Keys);
        Assert.Equal("exit code 3\n", await _app.Client.GetStringAsync(job + "/results/log"));
        Assert.Equal("--- stderr ---\non stderr\n\n--- stdout ---\non stdout\n", await _app.Client.GetStringAsync(job + "/error"));
        using var stdout = await _app.Client.GetAsync(job + "/results/stdout");
        Assert.Equal(HttpStatusCode.NotFound, stdout.StatusCode);
    }

    [Fact]
    public async Task AnyOtherExitCode_IsAnError_WithoutTheStreamsAmongTheResults()
    {
        var job = await Uws.CreateAsync("lenient", ("code", "4"), ("PHASE", "RUN"));

        var document = await Uws.WaitForEndAsync(job);

        Assert.Equal("ERROR", UwsClient.Phase(document));
        Assert.StartsWith("The program exited with code 4.", UwsClient.ErrorSummary(document)!.Element(UwsClient.Uws + "message")!.Value, StringComparison.Ordinal);
        Assert.Equal(["log"], UwsClient.ResultLinks(document).Keys);
        var error = await _app.Client.GetStringAsync(job + "/error");
        Assert.Contains("--- stderr ---\non stderr\n", error, StringComparison.Ordinal);
        Assert.EndsWith("--- stdout ---\non stdout\n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJobList_AnswersInPlaceAtItsAlias_AndEveryUrlKeepsTheAlias()
    {
        var alias = $"{Base}/legacy-uws/lenient/jobs";
        string job;
        using (var created = await Uws.PostAsync("/legacy-uws/lenient/jobs", ("code", "0"), ("PHASE", "RUN")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
            job = created.Headers.Location!.ToString();
        }

        Assert.Matches($"^{alias}/[A-Za-z0-9_-]+$", job);
        var document = await Uws.WaitForEndAsync(job);
        Assert.Equal("COMPLETED", UwsClient.Phase(document));
        Assert.Equal([$"{job}/results/log"], UwsClient.ResultLinks(document).Values);
        var results = await Uws.GetXmlAsync(job + "/results");
        Assert.All(results.Descendants(UwsClient.Uws + "result"), r => Assert.StartsWith(job + "/", r.Attribute(UwsClient.Xlink + "href")!.Value, StringComparison.Ordinal));
        var list = await Uws.GetXmlAsync("/legacy-uws/lenient/jobs");
        Assert.Equal($"{job}", Assert.Single(list.Descendants(UwsClient.Uws + "jobref")).Attribute(UwsClient.Xlink + "href")!.Value);

        // The same job under /uws/ is written with /uws/ URLs: each client sees the paths it used.
        var id = job[(job.LastIndexOf('/') + 1)..];
        var plain = await Uws.GetXmlAsync($"/uws/lenient/{id}");
        Assert.Equal([$"{Base}/uws/lenient/{id}/results/log"], UwsClient.ResultLinks(plain).Values);

        using var deleted = await _app.Client.DeleteAsync(job);
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal(alias, deleted.Headers.Location!.ToString());
        using var gone = await _app.Client.GetAsync($"/uws/lenient/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("/legacy-uws/")]
    [InlineData("/legacy-uws")]
    [InlineData("/legacy-uws/lenient")]
    public async Task TheFoldersAboveAnAlias_Answer200_NamingTheJobLists(string folder)
    {
        using var response = await _app.Client.GetAsync(folder);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{Base}/legacy-uws/lenient/jobs\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var elsewhere = await _app.Client.GetAsync("/legacy-uws/other");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task UnderAPathBase_TheAliasIsUnderItToo()
    {
        using var app = new MeridianApplication(new Dictionary<string, string> { ["Meridian:PathBase"] = "/meridian" }, Services);
        var root = app.BaseAddress.ToString().TrimEnd('/') + "/meridian";
        var uws = new UwsClient(app.Client);

        using (var folder = await app.Client.GetAsync("/meridian/legacy-uws/"))
        {
            Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
            Assert.Contains($"{root}/legacy-uws/lenient/jobs\n", await folder.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var created = await uws.PostAsync("/meridian/legacy-uws/lenient/jobs", ("code", "0"), ("PHASE", "RUN"));
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var job = created.Headers.Location!.ToString();
        Assert.StartsWith($"{root}/legacy-uws/lenient/jobs/", job, StringComparison.Ordinal);
        var document = await uws.WaitForEndAsync(job);
        Assert.Equal([$"{job}/results/log"], UwsClient.ResultLinks(document).Values);
        using var outside = await app.Client.GetAsync("/legacy-uws/");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
