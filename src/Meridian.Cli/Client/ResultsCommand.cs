// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using Meridian.Cli.CommandLine;
using Meridian.Protocol;

namespace Meridian.Cli.Client;

/// <summary>`meridian results JOB [--out DIR]`: lists the results; with --out, downloads each into DIR.</summary>
internal static class ResultsCommand
{
    public static Command Create(ClientOptions options, CliConsole console)
    {
        var job = ClientOptions.Url("JOB", "the job's URL");
        var folder = new Option<string?>("--out") { Description = "download the results into this folder (a result id with slashes keeps its folders)" };
        var command = options.Command("results", "List a job's results, or download them", job);
        command.Add(folder);
        command.SetAction(result => UwsSession.RunAsync(result, options, console,
            session => RunAsync(session, result.GetRequiredValue(job).TrimEnd('/'), result.GetValue(folder))));
        return command;
    }

    private static async Task<int> RunAsync(UwsSession session, string url, string? folder)
    {
        var results = UwsXmlReader.ReadResults(await session.GetStringAsync(url + "/results"));
        var saved = new JsonArray();
        foreach (var result in results)
        {
            var path = folder is null ? null : await DownloadAsync(session, result, folder);
            saved.Add(new JsonObject { ["id"] = result.Id, ["href"] = result.Href, ["file"] = path });
            if (!session.Json)
            {
                session.Output.WriteLine(path is null ? $"{result.Id}\t{result.Href}" : $"{result.Id}\t{path}");
            }
        }

        if (session.Json)
        {
            session.Output.WriteLine(saved.ToJsonString(JobPrinter.Indented));
        }

        return MeridianCommandLine.Done;
    }

    private static async Task<string> DownloadAsync(UwsSession session, ResultReference result, string folder)
    {
        // The id comes from the server: it may not write outside the folder the user named.
        var path = Path.GetFullPath(Path.Combine(folder, result.Id));
        if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RefusedException($"result id '{result.Id}' would be saved outside {folder}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var response = await session.Http.GetAsync(result.Href, HttpCompletionOption.ResponseHeadersRead);
        await UwsSession.EnsureAsync(response);
        await using var file = File.Create(path);
        await response.Content.CopyToAsync(file);
        return path;
    }
}
