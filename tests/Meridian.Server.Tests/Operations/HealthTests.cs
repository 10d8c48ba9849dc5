// SPDX-License-Identifier: MIT
using System.Net;
using System.Text.Json;

namespace Meridian.Server.Tests.Operations;

/// <summary>The liveness and readiness probes, on SQLite in-process and on a real PostgreSQL that is stopped under the server.</summary>
public sealed class HealthTests : IClassFixture<MeridianApplication>, IDisposable
{
    private readonly MeridianApplication _app;
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-health-").FullName;

    public HealthTests(MeridianApplication app) => _app = app;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact]
    public async Task Live_Answers200()
    {
        var (status, report) = await ProbeAsync(_app.Client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_Answers200_WhenTheStoreAndExecutorsWork()
    {
        var (status, report) = await ProbeAsync(_app.Client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["store"]);
        Assert.Equal("Healthy", checks["executors"]);
    }

    [Fact]
    public async Task Ready_Answers503_WhilePostgresIsDown_AndLiveStays200()
    {
        await using var postgres = await PostgresCluster.StartAsync();
        using var node = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Store__Provider"] = "postgres",
            ["Store__ConnectionString"] = postgres.ConnectionString,
        });
        using var http = UwsClient.CreateHttp(node.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(http, "/health/ready")).Status);

        await postgres.StopServerAsync();

        var (status, report) = await ProbeAsync(http, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var store = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Contains("cannot be reached", store.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(http, "/health/live")).Status);
        var scrape = await PrometheusScrape.GetAsync(http);
        Assert.Equal(0, scrape.Value("meridian_store_up"));

        await postgres.StartServerAsync();

        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(http, "/health/ready")).Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ProbeAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
