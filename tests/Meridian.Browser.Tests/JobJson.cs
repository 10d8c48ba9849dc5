// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Meridian.Browser.Tests;

/// <summary>A job's UWS document as JSON (the server answers XML unless JSON is asked for).</summary>
public static class JobJson
{
    public static async Task<JsonDocument> GetAsync(HttpClient http, string service, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/uws/{service}/{id}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
