// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests;

/// <summary>
/// Sweeps: one submission makes a job per value of one parameter (a list or a range) or per pair of two (a grid),
/// each an ordinary job of the caller's, listed as a set; a refused value makes no job; the quota counts each job.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SweepTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-sweep-").FullName;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly MeridianApplication _app;

    public SweepTests()
    {
        var users = Path.Combine(_folder, "users.json");
        foreach (var name in new[] { "alice", "bob" })
        {
            var output = new StringWriter();
            Assert.Equal(0, UsersCommand.Run(["add", name, "--file", users], TextReader.Null, output, TextWriter.Null));
            _tokens[name] = output.ToString().Trim();
        }

        _app = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:Quotas:MaxStoredJobs"] = "8",
        }, Path.Combine(ExampleServicesApplication.RepositoryRoot(), "services"));
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ARange_MakesOneJobPerValue_EachRunningWithItsValue()
    {
        using var created = await PostAsync("alice", "/api/sweeps/hello", ("name", "Vega"), ("SWEEP", "times=1:3:1"), ("RUNID", "greetings"), ("PHASE", "RUN"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var sweep = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var jobs = sweep.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(["greetings times=1", "greetings times=2", "greetings times=3"], jobs.Select(j => j.GetProperty("runId").GetString()));
        Assert.Equal(created.Headers.Location!.ToString(), sweep.RootElement.GetProperty("href").GetString());
        var uws = Client("alice");
        foreach (var (job, times) in jobs.Zip([1, 2, 3]))
        {
            var document = await uws.WaitForEndAsync(job.GetProperty("href").GetString()!);
            Assert.Equal("COMPLETED", UwsClient.Phase(document));
            Assert.Equal(string.Concat(Enumerable.Repeat("Hello, Vega!\n", times)), await uws.GetTextAsync(UwsClient.ResultLinks(document)["greeting"]));
        }

        // The set is a resource: its jobs, in the order of the values, with their phases now.
        using var listed = JsonDocument.Parse(await Client("alice").GetTextAsync(created.Headers.Location!.ToString()));
        Assert.Equal(jobs.Select(j => j.GetProperty("id").GetString()), listed.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.All(listed.RootElement.GetProperty("jobs").EnumerateArray(), j => Assert.Equal("COMPLETED", j.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task TwoSweptParameters_MakeAGrid()
    {
        using var created = await PostAsync("alice", "/api/sweeps/ud-visibility", ("wavelength", "2.2"), ("SWEEP", "theta=1, 2"), ("SWEEP", "model=uniform,limb-darkened"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var sweep = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var jobs = sweep.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(["theta=1 model=uniform", "theta=1 model=limb-darkened", "theta=2 model=uniform", "theta=2 model=limb-darkened"],
            jobs.Select(j => j.GetProperty("runId").GetString()));
        Assert.All(jobs, j => Assert.Equal("PENDING", j.GetProperty("phase").GetString()));
        var last = await Client("alice").GetXmlAsync(jobs[3].GetProperty("href").GetString()!);
        var parameters = UwsClient.Parameters(last).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().Value);
        Assert.Equal(("2", "limb-darkened", "2.2"), (parameters["theta"], parameters["model"], parameters["wavelength"]));
    }

    [Theory]
    [InlineData("times=1,2,500", "times=500: times: 500 is above the maximum 100")]
    [InlineData("times=1:200:1", "a sweep makes at most 100 jobs")]
    [InlineData("colour=red,blue", "SWEEP: 'colour' is not a parameter that takes one value")]
    [InlineData("times=3:1:1", "is not a range start:stop:step with start ≤ stop")]
    public async Task ARefusedSweep_SaysWhy_AndMakesNoJob(string sweep, string reason)
    {
        using var refused = await PostAsync("alice", "/api/sweeps/hello", ("SWEEP", sweep));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, JobCount(await Client("alice").GetXmlAsync("/uws/hello")));
    }

    [Fact]
    public async Task AFileKeptFromAnotherJob_IsGivenToEveryJobOfTheSweep()
    {
        var uws = Client("alice");
        using var form = new MultipartFormDataContent { { new ByteArrayContent("x,y\n1,2\n3,4\n"u8.ToArray()), "table", "points.csv" } };
        using var first = await uws.Http.PostAsync("/uws/table-stats", form);
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var upload = first.Headers.Location + "/parameters/table";

        using var created = await PostAsync("alice", "/api/sweeps/table-stats", ("table", upload), ("SWEEP", "delimiter=comma,auto"), ("PHASE", "RUN"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var sweep = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        foreach (var job in sweep.RootElement.GetProperty("jobs").EnumerateArray())
        {
            var document = await uws.WaitForEndAsync(job.GetProperty("href").GetString()!);
            Assert.Equal("COMPLETED", UwsClient.Phase(document));
            Assert.Contains("x,2,1,3,2,", await uws.GetTextAsync(UwsClient.ResultLinks(document)["stats"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASweptParameterGivenAValueToo_IsRefused()
    {
        using var refused = await PostAsync("alice", "/api/sweeps/hello", ("times", "2"), ("SWEEP", "times=1,2"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("times: given a value and swept", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuota_CountsEachJob_AndTheRefusalSaysWhereTheMadeOnesAre()
    {
        using var refused = await PostAsync("bob", "/api/sweeps/hello", ("SWEEP", "times=1:10:1"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var reason = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The sweep stopped after 8 of its 10 jobs", reason, StringComparison.Ordinal);
        Assert.Equal(8, JobCount(await Client("bob").GetXmlAsync("/uws/hello")));
    }

    [Fact]
    public async Task ASweep_IsItsOwnersOnly_AndNeedsASignedInCaller()
    {
        using var created = await PostAsync("alice", "/api/sweeps/hello", ("SWEEP", "times=1,2"));
        var url = created.Headers.Location!.ToString();

        using var other = await Client("bob").Http.GetAsync(url);
        using var anonymous = await _app.Client.GetAsync(url);
        using var anonymousSweep = await _app.Client.PostAsync("/api/sweeps/hello", new FormUrlEncodedContent([new("SWEEP", "times=1,2")]));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousSweep.StatusCode);
    }

    private static int JobCount(System.Xml.Linq.XDocument list) => list.Root!.Elements(UwsClient.Uws + "jobref").Count();

    private UwsClient Client(string user)
    {
        var http = UwsClient.CreateHttp(_app.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return new UwsClient(http);
    }

    private Task<HttpResponseMessage> PostAsync(string user, string url, params (string Name, string Value)[] fields) =>
        Client(user).PostAsync(url, fields);
}
