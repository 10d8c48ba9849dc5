// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Xml.Linq;

namespace Meridian.Server.Tests.OImaging;

/// <summary>What one replayed OImaging run met: every answer the client acted on.</summary>
public sealed record ReplayOutcome(
    RawResponse Home, RawResponse Created, string JobId, IReadOnlyList<(TimeSpan At, string Phase)> Phases, string FinalPhase,
    IReadOnlyList<(string Id, string Href)> Results, IReadOnlyDictionary<string, byte[]> Downloads, string? ErrorSummary, RawResponse Deleted);

/// <summary>
/// OImaging's RemoteExecutionMode.callUwsOimagingService, step by step, over one connection: GET the server's root,
/// create the job, read its phase and poll it every 200 ms while QUEUED or EXECUTING (PHASE=ABORT when cancelled),
/// then read the results and download logfile and outputfile (any other result is an error to it), or read the job's
/// error summary, and DELETE the job in any case. The job URLs are built as ClientUWS builds them: the jobs path plus
/// the last segment of the creation's Location.
/// </summary>
public sealed class OImagingReplay(Uri server)
{
    public const string ServerPath = "/OImaging-uws/";
    public const string JobsPath = ServerPath + "oimaging/oimaging";
    private static readonly XNamespace Uws = "http://www.ivoa.net/xml/UWS/v1.0";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    /// <summary>net.ivoa.xml.uws.v1.ExecutionPhase (UWS 1.0, JAXB): the tokens ExecutionPhase.valueOf accepts.</summary>
    private static readonly HashSet<string> PhaseTokens = ["PENDING", "QUEUED", "EXECUTING", "COMPLETED", "ERROR", "ABORTED", "UNKNOWN", "HELD", "SUSPENDED"];

    private readonly RestletRequests _requests = new(server);

    /// <summary>Runs the client's sequence; <paramref name="cancelWhen"/> is its Cancel button, asked before each wait.</summary>
    public async Task<ReplayOutcome> RunAsync(string fileName, byte[] oifits, string software, string? cliOptions,
        Func<string, bool>? cancelWhen = null, Func<string, Task>? beforeDelete = null)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await RawHttpConnection.OpenAsync(server);
        var home = await connection.SendAsync(_requests.Get(ServerPath));
        Assert.True(home.IsSuccess && home.Body.Length > 0, $"GET {ServerPath}: {home.Status} with {home.Body.Length} bytes; ClientUWS.getHomePage needs a 2xx with a text");

        var created = await connection.SendAsync(_requests.PostJob(JobsPath, fileName, oifits, software, cliOptions));
        Assert.True(created.IsRedirection, $"POST {JobsPath}: {created.Status} {created.Text}");
        var jobId = new Uri(created.Headers["Location"]).Segments[^1];
        var jobPath = $"{JobsPath}/{jobId}";

        var phases = new List<(TimeSpan, string)>();
        async Task<string> PhaseAsync()
        {
            var answer = await connection.SendAsync(_requests.Get(jobPath + "/phase"));
            Assert.True(answer.IsSuccess, $"GET {jobPath}/phase: {answer.Status} {answer.Text}");
            Assert.Contains(answer.Text, PhaseTokens);
            phases.Add((clock.Elapsed, answer.Text));
            return answer.Text;
        }

        var phase = await PhaseAsync();
        var cancelled = false;
        while (phase is "EXECUTING" or "QUEUED")
        {
            if (cancelWhen?.Invoke(phase) == true)
            {
                var aborted = await connection.SendAsync(_requests.PostForm(jobPath + "/phase", "PHASE", "ABORT"));
                Assert.True(aborted.IsRedirection, $"POST PHASE=ABORT: {aborted.Status} {aborted.Text}");
                cancelled = true;
                phase = "ABORTED";
                break;
            }

            await Task.Delay(200);
            phase = await PhaseAsync();
        }

        var results = new List<(string, string)>();
        var downloads = new Dictionary<string, byte[]>();
        string? errorSummary = null;
        if (phase == "COMPLETED")
        {
            var list = await connection.SendAsync(_requests.Get(jobPath + "/results"));
            Assert.True(list.IsSuccess, $"GET results: {list.Status}");
            var root = XDocument.Parse(list.Text).Root!;
            Assert.Equal(Uws + "results", root.Name);
            foreach (var result in root.Elements(Uws + "result"))
            {
                var id = result.Attribute("id")!.Value;
                var href = result.Attribute(XLink + "href")!.Value;
                results.Add((id, href));
                Assert.True(id is "logfile" or "outputfile", $"UWS service returned more results than required : {id}");
                var uri = new Uri(href, UriKind.Absolute);
                Assert.Equal((server.Host, server.Port), (uri.Host, uri.Port));
                var file = await connection.SendAsync(_requests.Get(uri.PathAndQuery));
                Assert.Equal(200, file.Status);
                downloads[id] = file.Body;
            }
        }
        else if (!cancelled)
        {
            var job = await connection.SendAsync(_requests.Get(jobPath));
            errorSummary = XDocument.Parse(job.Text).Root!.Element(Uws + "errorSummary")?.Element(Uws + "message")?.Value;
        }

        if (beforeDelete is not null)
        {
            await beforeDelete(jobPath);
        }

        var deleted = await connection.SendAsync(_requests.Delete(jobPath));
        return new ReplayOutcome(home, created, jobId, phases, phase, results, downloads, errorSummary, deleted);
    }
}
