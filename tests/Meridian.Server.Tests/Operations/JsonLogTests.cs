// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Meridian.Server.Tests.Operations;

/// <summary>Logging:Console:FormatterName=json turns the console log into one JSON object a line.</summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-jsonlog-").FullName;

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
    public async Task ConsoleLog_IsJsonLines_WithTheJobIdAsAField()
    {
        using var node = await ServerProcess.StartAsync(_data, new Dictionary<string, string>(),
            environment: new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        using var http = UwsClient.CreateHttp(node.BaseAddress);
        var uws = new UwsClient(http);
        var job = await uws.CreateAsync("echo", ("PHASE", "RUN"));
        Assert.Equal("COMPLETED", UwsClient.Phase(await uws.WaitForEndAsync(job)));
        var jobId = job[(job.LastIndexOf('/') + 1)..];

        // The server writes the line before it wakes the waiters; the pipe may deliver it a moment later.
        var lines = node.Output;
        for (var i = 0; i < 100 && !lines.Any(l => l.Contains("COMPLETED", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
            lines = node.Output;
        }

        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var completed = entries.Single(e => e.GetProperty("State").TryGetProperty("To", out var to) && to.GetString() == "COMPLETED");
        Assert.Equal(jobId, completed.GetProperty("State").GetProperty("JobId").GetString());
        Assert.Equal("echo", completed.GetProperty("State").GetProperty("Service").GetString());
        Assert.Equal("Meridian.Engine.Lifecycle.JobDispatcher", completed.GetProperty("Category").GetString());
        Assert.Equal("Information", completed.GetProperty("LogLevel").GetString());
    }
}
