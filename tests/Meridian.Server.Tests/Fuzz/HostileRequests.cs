// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Meridian.Server.Tests.Fuzz;

/// <summary>
/// Random requests over every endpoint, drawn from a seed so that a failure can be replayed: real and made-up
/// job ids, hostile path segments, UWS control parameters with odd values, forms, multipart bodies and junk.
/// </summary>
public sealed class HostileRequests(int seed, IReadOnlyList<string> jobs)
{
    private static readonly string[] Services = ["echo", "fail", "sleep", "upload", "tally", "missing", "nosuch"];
    private static readonly string[] JobChildren = ["", "/phase", "/executionduration", "/destruction", "/quote", "/owner", "/error", "/parameters", "/parameters/text", "/parameters/data", "/results", "/results/args", "/results/stdout", "/results/../../etc/passwd", "/provenance", "/links"];
    private static readonly string[] Roots = ["/", "/uws", "/capabilities", "/availability", "/openapi.json", "/metrics", "/health/ready", "/web/", "/web/job.html", "/web/../appsettings.json", "/api/jobs", "/api/session", "/links", "/nosuch"];
    private static readonly string[] Names = ["PHASE", "RUNID", "EXECUTIONDURATION", "DESTRUCTION", "ACTION", "WAIT", "AFTER", "LAST", "text", "count", "loud", "items", "seconds", "code", "label", "data", "phase", "Text", ""];
    private static readonly string[] Values =
    [
        "RUN", "ABORT", "DELETE", "SUSPEND", "run", "-1", "0", "1", "3", "99999999999999999999", "1e400", "NaN", "2030-01-01T00:00:00Z", "yesterday",
        "true", "maybe", "", " ", "\uFFFE", "\uFFFF", "a\r\nb", "\u0000", "<x/>", "&amp;", "'; DROP TABLE jobs; --", "$(rm -rf /)", "../../x", "%00", "é", "\uD800", "1,2,3", "1, -5, 200",
    ];

    private readonly Random _random = new(seed);

    public HttpRequestMessage Next()
    {
        var method = Pick([HttpMethod.Get, HttpMethod.Get, HttpMethod.Post, HttpMethod.Post, HttpMethod.Delete, HttpMethod.Head, HttpMethod.Put]);
        var request = new HttpRequestMessage(method, Path() + Query());
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = Body();
        }

        return request;
    }

    private string Path() => _random.Next(4) switch
    {
        0 => Pick(Roots),
        1 => $"/uws/{Segment(Services)}",
        2 => $"/sync/{Segment(Services)}",
        _ => JobPath() + Pick(JobChildren),
    };

    private string JobPath()
    {
        if (jobs.Count > 0 && _random.Next(3) > 0)
        {
            var job = new Uri(Pick(jobs)).AbsolutePath;
            // Sometimes the right id under the wrong service.
            return _random.Next(5) == 0 ? job.Replace("/uws/echo/", "/uws/fail/", StringComparison.Ordinal) : job;
        }

        return $"/uws/{Segment(Services)}/{Pick(["AAAAAAAAAAAAAAAAAAAAAA", "x", "..", "%2e%2e", "%FF%FE", new string('z', 300), "job%00id"])}";
    }

    private string Segment(string[] choices) => _random.Next(8) == 0 ? Uri.EscapeDataString(Pick(Values)) : Pick(choices);

    private string Query()
    {
        if (_random.Next(2) == 0)
        {
            return "";
        }

        var pairs = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => $"{Uri.EscapeDataString(Pick(Names))}={Uri.EscapeDataString(Pick(Values))}");
        return "?" + string.Join('&', pairs);
    }

    private HttpContent Body()
    {
        switch (_random.Next(4))
        {
            case 0:
            case 1:
                return new FormUrlEncodedContent(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => new KeyValuePair<string, string>(Pick(Names), Pick(Values))));
            case 2:
                var form = new MultipartFormDataContent();
                foreach (var _ in Enumerable.Range(0, _random.Next(1, 4)))
                {
                    // Parts written by hand: HttpClient would refuse the odd names and file names a hostile client sends.
                    HttpContent part;
                    string disposition;
                    if (_random.Next(2) == 0)
                    {
                        part = new StringContent(Pick(Values));
                        disposition = $"form-data; name=\"{Pick(Names)}\"";
                    }
                    else
                    {
                        var bytes = new byte[_random.Next(0, 2048)];
                        _random.NextBytes(bytes);
                        part = new ByteArrayContent(bytes);
                        disposition = $"form-data; name=\"{Pick(["data", "text", "nosuch"])}\"; filename=\"{Pick(["a.csv", "../../evil", "\uFFFE.txt", "", "x\ty"])}\"";
                    }

                    part.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
                    form.Add(part);
                }

                return form;
            default:
                var junk = new ByteArrayContent(Encoding.UTF8.GetBytes(Pick(Values) + Pick(["--b\r\nContent-Disposition: form-data", "{\"PHASE\":\"RUN\"}", "a=%ZZ&b"])));
                junk.Headers.TryAddWithoutValidation("Content-Type", Pick(["application/json", "multipart/form-data; boundary=b", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data"]));
                return junk;
        }
    }

    private T Pick<T>(IReadOnlyList<T> choices) => choices[_random.Next(choices.Count)];

    public override string ToString() => seed.ToString(CultureInfo.InvariantCulture);
}
