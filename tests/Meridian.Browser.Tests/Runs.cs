// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;

namespace Meridian.Browser.Tests;

/// <summary>What the pages say of a job's run, worked out here from its UWS JSON to compare with them.</summary>
public static class Runs
{
    /// <summary>The job's run time as the pages write it (duration.js): 0.4 s, 12 s, 3 min 05 s.</summary>
    public static async Task<string> RunTimeAsync(HttpClient http, string service, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/uws/{service}/{id}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        using var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var start = DateTimeOffset.Parse(job.RootElement.GetProperty("startTime").GetString()!, CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(job.RootElement.GetProperty("endTime").GetString()!, CultureInfo.InvariantCulture);
        var seconds = (end - start).TotalSeconds;
        return seconds < 10 ? seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : seconds < 59.5 ? $"{Math.Round(seconds):0} s"
            : $"{(int)Math.Round(seconds) / 60} min {(int)Math.Round(seconds) % 60:00} s";
    }
}
