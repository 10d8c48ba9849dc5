// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;

namespace Meridian.Browser.Tests;

/// <summary>Jobs made and read through the UWS API, to set the scene for a page.</summary>
public static class Jobs
{
    /// <summary>Creates a job (run at once unless <paramref name="run"/> is false) and returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient http, string service, bool run, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (run)
        {
            form.Add(new("PHASE", "RUN"));
        }

        using var response = await http.PostAsync($"/uws/{service}", new FormUrlEncodedContent(form));
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.Segments[^1];
    }

    /// <summary>Runs a job of a service with one file parameter to COMPLETED and returns its id.</summary>
    public static async Task<string> RunWithFileAsync(HttpClient http, string service, string parameter, string file)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), parameter, Path.GetFileName(file) },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await http.PostAsync($"/uws/{service}", form);
        Assert.True(created.StatusCode == HttpStatusCode.SeeOther, await created.Content.ReadAsStringAsync());
        var id = created.Headers.Location!.Segments[^1];
        Assert.Equal("COMPLETED", await WaitWhileAsync(http, service, id, "QUEUED", "EXECUTING"));
        return id;
    }

    public static async Task<string> PhaseAsync(HttpClient http, string service, string id) =>
        (await http.GetStringAsync($"/uws/{service}/{id}/phase")).Trim();

    /// <summary>Waits (with UWS WAIT) until the job has left the given phases.</summary>
    public static async Task<string> WaitWhileAsync(HttpClient http, string service, string id, params string[] phases)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var phase = await PhaseAsync(http, service, id);
            if (!phases.Contains(phase) || DateTime.UtcNow > deadline)
            {
                return phase;
            }

            using var _ = await http.GetAsync($"/uws/{service}/{id}?WAIT=3&PHASE={phase}");
        }
    }

    public static async Task<int> CountAsync(HttpClient http, string query)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/jobs?{query}"));
        return page.RootElement.GetProperty("jobs").GetArrayLength();
    }
}
