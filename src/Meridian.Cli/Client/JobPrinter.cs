// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Protocol;

namespace Meridian.Cli.Client;

/// <summary>A job as `show` and `wait` print it: "name: value" lines, or one JSON object with --json.</summary>
internal static class JobPrinter
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(UwsSession session, JobSummary job)
    {
        var fields = Fields(job).Where(f => f.Value is not null).ToList();
        if (session.Json)
        {
            var node = new JsonObject();
            foreach (var (name, value) in fields)
            {
                node[name] = value;
            }

            node["parameters"] = new JsonObject([.. job.Parameters.GroupBy(p => p.Id)
                .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)string.Join(" ", g.Select(p => p.Value))))]);
            node["results"] = new JsonObject([.. job.Results.Select(r => KeyValuePair.Create(r.Id, (JsonNode?)r.Href))]);
            node["error"] = job.ErrorSummary?.Message;
            session.Output.WriteLine(node.ToJsonString(Indented));
            return;
        }

        foreach (var (name, value) in fields)
        {
            session.Output.WriteLine($"{name}: {value}");
        }

        foreach (var parameter in job.Parameters)
        {
            session.Output.WriteLine($"parameter {parameter.Id}: {parameter.Value}");
        }

        foreach (var result in job.Results)
        {
            session.Output.WriteLine($"result {result.Id}: {result.Href}");
        }

        if (job.ErrorSummary is { } error)
        {
            session.Output.WriteLine($"error: {error.Message}");
        }
    }

    /// <summary>An instant as UWS writes it; null for the unknown (a UWS 1.0 job may not say when it was created).</summary>
    public static string? Time(DateTimeOffset? instant) => instant is { } value && value != default ? UwsTime.Format(value) : null;

    private static IEnumerable<(string Name, string? Value)> Fields(JobSummary job) =>
    [
        ("jobId", job.JobId),
        ("runId", job.RunId),
        ("ownerId", job.OwnerId),
        ("phase", job.Phase.ToWire()),
        ("creationTime", Time(job.CreationTime)),
        ("startTime", Time(job.StartTime)),
        ("endTime", Time(job.EndTime)),
        ("executionDuration", job.ExecutionDuration.ToString(CultureInfo.InvariantCulture)),
        ("destruction", Time(job.Destruction)),
    ];
}
