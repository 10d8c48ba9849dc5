// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Xml.Linq;

namespace Meridian.Server.Tests.Fuzz;

/// <summary>
/// A bounded hostile run over every endpoint, beside the property-based EndpointFuzzTests: raw HTTP (HEAD, PUT,
/// junk bodies, hand-written multipart parts, odd path segments) from a fixed seed, within a time budget. No answer is
/// a 5xx, every UWS document that comes back is schema-valid, and the server still serves and lists its jobs.
/// </summary>
public sealed class HostileRequestFuzzTests(MeridianApplication app) : IClassFixture<MeridianApplication>
{
    private const int Requests = 1500;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData(20261201)]
    [InlineData(7)]
    public async Task HostileRequests_NeverGetA5xx_AndLeaveEveryDocumentValid(int seed)
    {
        var uws = new UwsClient(app.Client);
        var jobs = new List<string>
        {
            await uws.CreateAsync("echo", ("text", "fuzz"), ("PHASE", "RUN")),
            await uws.CreateAsync("echo", ("text", "pending")),
            await uws.CreateAsync("fail", ("PHASE", "RUN")),
        };
        var requests = new HostileRequests(seed, jobs);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        while (sent < Requests && clock.Elapsed < Budget && failures.Count < 5)
        {
            using var request = requests.Next();
            var what = $"{request.Method} {request.RequestUri}";
            using var response = await app.Client.SendAsync(request);
            sent++;
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{what} answered {(int)response.StatusCode}: {body}");
            }
            else if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/xml" && request.RequestUri!.OriginalString.StartsWith("/uws/", StringComparison.Ordinal))
            {
                var problems = Compliance.SchemaFiles.ValidateUws(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
                if (problems.Count > 0)
                {
                    failures.Add($"{what}: not valid UWS: {string.Join("; ", problems)}");
                }
            }

            if (response.StatusCode == HttpStatusCode.SeeOther && response.Headers.Location is { } location
                && location.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 3 && jobs.Count < 40)
            {
                jobs.Add(location.ToString());
            }
        }

        Assert.True(failures.Count == 0, $"seed {requests}, after {sent} requests:\n{string.Join("\n", failures)}");
        Assert.True(sent >= 300, $"only {sent} requests in {Budget}");
        // Still serving: the lists of every service are readable and valid.
        foreach (var service in new[] { "echo", "fail", "sleep", "upload", "tally", "missing" })
        {
            await uws.GetXmlAsync($"/uws/{service}");
        }

        using var availability = await app.Client.GetAsync("/availability");
        Assert.Contains("<vosi:available>true</vosi:available>", await availability.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Console.WriteLine($"fuzz seed {seed}: {sent} requests in {clock.Elapsed.TotalSeconds:F0} s, statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
    }
}
