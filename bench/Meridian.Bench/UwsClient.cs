// SPDX-License-Identifier: MIT
using System.Net;
using System.Text;
using Meridian.Protocol;

namespace Meridian.Bench;

/// <summary>One client of one of the bench's services (trivial unless named): its own connection, the UWS requests the bench times.</summary>
internal sealed class UwsClient(Uri baseAddress, string service = UwsClient.Service) : IDisposable
{
    public const string Service = "trivial";
    private readonly Uri _jobList = new($"/uws/{service}", UriKind.Relative);
    private static readonly byte[] JobReference = Encoding.UTF8.GetBytes("<uws:jobref ");

    /// <summary>
    /// Polls of one job before the bench gives up on it. Each poll returns at the job's next phase change
    /// (QUEUED, EXECUTING, COMPLETED), so a trivial job needs about three.
    /// </summary>
    private const int MaxPolls = 20;

    private readonly HttpClient _http = BenchHttp.CreateClient(baseAddress);

    /// <summary>POST /uws/trivial (PHASE=RUN when <paramref name="run"/>), expecting 303 to the new job.</summary>
    public async Task<Uri> CreateAsync(bool run, CancellationToken cancellationToken)
    {
        using var content = run ? new FormUrlEncodedContent([new("PHASE", "RUN")]) : null;
        using var response = await _http.PostAsync(_jobList, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location is not { } location)
        {
            throw await UnexpectedAsync("POST " + _jobList, response, cancellationToken);
        }

        return location;
    }

    /// <summary>Creates a job with PHASE=RUN and blocks on it (WAIT=30) until it is COMPLETED.</summary>
    public async Task RunToCompletionAsync(CancellationToken cancellationToken)
    {
        var job = await CreateAsync(run: true, cancellationToken);
        var wait = new Uri(job + "?WAIT=30");
        var phase = "";
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            using var response = await _http.GetAsync(wait, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchException($"GET {wait} answered {(int)response.StatusCode}: {body}");
            }

            phase = PhaseOf(body);
            switch (phase)
            {
                case "COMPLETED":
                    return;
                case "PENDING" or "QUEUED" or "EXECUTING":
                    continue;
                default:
                    throw new BenchException($"job {job} of the trivial service ended {phase}, not COMPLETED:{Environment.NewLine}{body}");
            }
        }

        throw new BenchException($"job {job} was still {phase} after {MaxPolls} WAIT polls");
    }

    /// <summary>GET /uws/trivial with <paramref name="query"/> ("" or "?LAST=10"...), read to the end; returns the body.</summary>
    public async Task<byte[]> ListAsync(string query, CancellationToken cancellationToken)
    {
        var uri = new Uri(_jobList + query, UriKind.Relative);
        using var response = await _http.GetAsync(uri, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync("GET " + uri, response, cancellationToken);
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>How many uws:jobref elements a job list holds (counted outside any timing).</summary>
    public static int CountJobs(byte[] jobList)
    {
        var count = 0;
        var rest = jobList.AsSpan();
        for (var at = rest.IndexOf(JobReference); at >= 0; at = rest.IndexOf(JobReference))
        {
            count++;
            rest = rest[(at + JobReference.Length)..];
        }

        return count;
    }

    public void Dispose() => _http.Dispose();

    private static string PhaseOf(string jobDocument)
    {
        try
        {
            return UwsXmlReader.ReadJob(jobDocument).Phase.ToWire();
        }
        catch (FormatException problem)
        {
            throw new BenchException($"the job document is not UWS ({problem.Message}):{Environment.NewLine}{jobDocument}");
        }
    }

    private static async Task<BenchException> UnexpectedAsync(string request, HttpResponseMessage response, CancellationToken cancellationToken) =>
        new($"{request} answered {(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
}
