// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>`meridian submit JOBLIST name=value name=@file… [--run | --wait]`: creates a job, prints its URL.</summary>
internal static class SubmitCommand
{
    public static Command Create(ClientOptions options, CliConsole console)
    {
        var jobList = ClientOptions.Url("JOBLIST", "the service's job list, e.g. http://host:8080/uws/hello");
        var fields = new Argument<string[]>("FIELD") { Description = "name=value, or name=@file to upload a file", Arity = ArgumentArity.ZeroOrMore };
        var run = new Option<bool>("--run") { Description = "queue the job at once (PHASE=RUN)" };
        var wait = new Option<bool>("--wait") { Description = "run the job and wait for its end (exit 0 when it COMPLETED)" };
        var command = options.Command("submit", "Create a job from parameters and files", jobList);
        command.Add(fields);
        command.Add(run);
        command.Add(wait);
        command.SetAction(result => UwsSession.RunAsync(result, options, console, session => RunAsync(
            session, result.GetRequiredValue(jobList).TrimEnd('/'), result.GetValue(fields) ?? [], result.GetValue(run), result.GetValue(wait))));
        return command;
    }

    private static async Task<int> RunAsync(UwsSession session, string url, string[] words, bool run, bool wait)
    {
        var fields = new List<(string Name, string Value)>();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return session.Usage($"'{word}' is not name=value or name=@file");
            }

            fields.Add((word[..equals], word[(equals + 1)..]));
        }

        if (run || wait)
        {
            fields.Add(("PHASE", "RUN"));
        }

        using var content = Form(fields);
        using var response = await session.Http.PostAsync(url, content);
        var jobUrl = await UwsSession.LocationAsync(response);
        if (!wait)
        {
            session.Output.WriteLine(session.Json ? new JsonObject { ["job"] = jobUrl }.ToJsonString() : jobUrl);
            return MeridianCommandLine.Done;
        }

        session.Errors.WriteLine(jobUrl);
        return await WaitCommand.WaitForEndAsync(session, jobUrl, WaitCommand.DefaultTimeoutSeconds);
    }

    /// <summary>A form, or multipart as soon as one field uploads a file.</summary>
    private static HttpContent Form(List<(string Name, string Value)> fields)
    {
        if (!fields.Any(f => f.Value.StartsWith('@')))
        {
            return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (value.StartsWith('@'))
            {
                var path = value[1..];
                multipart.Add(new StreamContent(File.OpenRead(path)), name, Path.GetFileName(path));
            }
            else
            {
                multipart.Add(new StringContent(value), name);
            }
        }

        return multipart;
    }
}
