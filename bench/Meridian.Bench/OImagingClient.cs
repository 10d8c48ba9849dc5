// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Bench;

/// <summary>
/// One OImaging-style client of services/oimaging.yaml, on its own connection: it submits a reconstruction under
/// /OImaging-uws/oimaging/oimaging (multipart: inputfile, software, cliOptions, PHASE=RUN), sleeps 200 ms and reads
/// {job}/phase while it is QUEUED or EXECUTING, as RemoteExecutionMode does; when the job ends it reads the results,
/// downloads them and DELETEs the job, then submits the next one, so that jobs keep running for the whole window.
/// </summary>
internal sealed class OImagingClient(Uri baseAddress, byte[] oifits, string cliOptions) : IDisposable
{
    public const string JobList = "/OImaging-uws/oimaging/oimaging";
    private readonly HttpClient _http = BenchHttp.CreateClient(baseAddress);
    private string? _job;

    /// <summary>Requests answered, of every kind (creations, polls, results, downloads, deletions).</summary>
    public int Requests { get; private set; }

    public int JobsFinished { get; private set; }

    public Dictionary<string, int> PhasesSeen { get; } = [];

    /// <summary>Polls until <paramref name="until"/>, timing each phase read into <paramref name="polls"/>.</summary>
    public async Task RunAsync(DateTime until, Samples polls, CancellationToken cancellationToken)
    {
        while (DateTime.UtcNow < until)
        {
            _job ??= await CreateAsync(cancellationToken);
            await Task.Delay(200, cancellationToken);
            var began = Stopwatch.GetTimestamp();
            var phase = await TextAsync($"{_job}/phase", cancellationToken);
            polls.Add(Stopwatch.GetElapsedTime(began));
            PhasesSeen[phase] = PhasesSeen.GetValueOrDefault(phase) + 1;
            if (phase is not ("QUEUED" or "EXECUTING"))
            {
                await FinishAsync(phase, cancellationToken);
            }
        }
    }

    /// <summary>Cancel, as OImaging's Cancel button does (PHASE=ABORT), then DELETE.</summary>
    public async Task AbortAsync(CancellationToken cancellationToken)
    {
        if (_job is null)
        {
            return;
        }

        // A job that ended meanwhile cannot be aborted any more: the DELETE that follows is what matters.
        using (await _http.PostAsync($"{_job}/phase", new FormUrlEncodedContent([new("PHASE", "ABORT")]), cancellationToken))
        {
            Requests++;
        }

        using var deleted = await _http.DeleteAsync(_job, cancellationToken);
        Expect(deleted, HttpStatusCode.SeeOther, "DELETE");
        _job = null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent("---Aa1Bb2Cc3---");
        var file = new ByteArrayContent(oifits);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/*");
        form.Add(file, "inputfile", "input.fits");
        form.Add(new StringContent("mira-ci"), "software");
        form.Add(new StringContent(cliOptions), "cliOptions");
        form.Add(new StringContent("RUN"), "PHASE");
        using var response = await _http.PostAsync(JobList, form, cancellationToken);
        Expect(response, HttpStatusCode.SeeOther, "POST " + JobList);
        return response.Headers.Location!.ToString();
    }

    private async Task FinishAsync(string phase, CancellationToken cancellationToken)
    {
        if (phase != "COMPLETED")
        {
            throw new BenchException($"job {_job} ended {phase}: {await TextAsync(_job + "/error", cancellationToken)}");
        }

        var results = await TextAsync($"{_job}/results", cancellationToken);
        foreach (var id in new[] { "outputfile", "logfile" })
        {
            using var download = await _http.GetAsync($"{_job}/results/{id}", cancellationToken);
            Expect(download, HttpStatusCode.OK, $"GET result {id} (results: {results})");
            await download.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        using var deleted = await _http.DeleteAsync(_job, cancellationToken);
        Expect(deleted, HttpStatusCode.SeeOther, "DELETE");
        JobsFinished++;
        _job = null;
    }

    private async Task<string> TextAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(url, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Expect(response, HttpStatusCode.OK, "GET " + url);
        return text;
    }

    private void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        Requests++;
        if (response.StatusCode != status)
        {
            throw new BenchException($"{what} answered {(int)response.StatusCode}, not {(int)status}");
        }
    }
}
