// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using Meridian.Cli.CommandLine;
using Meridian.Protocol;

namespace Meridian.Cli.Client;

/// <summary>`meridian list JOBLIST [--phase P]… [--after INSTANT] [--last N]`: the job list, filtered as UWS 1.1 filters it.</summary>
internal static class ListCommand
{
    public static Command Create(ClientOptions options, CliConsole console)
    {
        var jobList = ClientOptions.Url("JOBLIST", "the service's job list, e.g. http://host:8080/uws/hello");
        var phases = new Option<string[]>("--phase") { Description = "only jobs in this phase (may repeat)", AllowMultipleArgumentsPerToken = false };
        var after = new Option<string?>("--after") { Description = "only jobs created after this ISO 8601 instant" };
        var last = new Option<int?>("--last") { Description = "only the N most recent jobs" };
        var command = options.Command("list", "List the jobs of a service", jobList);
        command.Add(phases);
        command.Add(after);
        command.Add(last);
        command.SetAction(result => UwsSession.RunAsync(result, options, console, session =>
        {
            var query = (result.GetValue(phases) ?? []).Select(p => $"PHASE={Uri.EscapeDataString(p)}").ToList();
            if (result.GetValue(after) is { } instant)
            {
                query.Add($"AFTER={Uri.EscapeDataString(instant)}");
            }

            if (result.GetValue(last) is { } count)
            {
                query.Add($"LAST={count}");
            }

            var url = result.GetRequiredValue(jobList).TrimEnd('/');
            return RunAsync(session, query.Count == 0 ? url : $"{url}?{string.Join('&', query)}");
        }));
        return command;
    }

    private static async Task<int> RunAsync(UwsSession session, string url)
    {
        var jobs = UwsXmlReader.ReadJobList(await session.GetStringAsync(url));
        if (session.Json)
        {
            session.Output.WriteLine(new JsonArray([.. jobs.Select(job => (JsonNode)new JsonObject
            {
                ["id"] = job.Id,
                ["phase"] = job.Phase.ToWire(),
                ["href"] = job.Href,
                ["creationTime"] = JobPrinter.Time(job.CreationTime),
            })]).ToJsonString(JobPrinter.Indented));
            return MeridianCommandLine.Done;
        }

        foreach (var job in jobs)
        {
            session.Output.WriteLine($"{job.Id}\t{job.Phase.ToWire()}\t{JobPrinter.Time(job.CreationTime)}\t{job.Href}");
        }

        return MeridianCommandLine.Done;
    }
}
