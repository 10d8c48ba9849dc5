// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json.Nodes;
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>`meridian abort JOB` (POST PHASE=ABORT) and `meridian delete JOB` (DELETE): each expects UWS's 303.</summary>
internal static class ControlCommands
{
    public static Command Abort(ClientOptions options, CliConsole console) =>
        Create("abort", "Abort a job", HttpMethod.Post, [new("PHASE", "ABORT")], options, console);

    public static Command Delete(ClientOptions options, CliConsole console) =>
        Create("delete", "Delete a job and its files", HttpMethod.Delete, null, options, console);

    private static Command Create(string name, string description, HttpMethod method, KeyValuePair<string, string>[]? fields, ClientOptions options, CliConsole console)
    {
        var job = ClientOptions.Url("JOB", "the job's URL");
        var command = options.Command(name, description, job);
        command.SetAction(result => UwsSession.RunAsync(result, options, console, async session =>
        {
            var url = result.GetRequiredValue(job);
            using var request = new HttpRequestMessage(method, url) { Content = fields is null ? null : new FormUrlEncodedContent(fields) };
            using var response = await session.Http.SendAsync(request);
            await UwsSession.LocationAsync(response);
            session.Output.WriteLine(session.Json ? new JsonObject { ["job"] = url, ["done"] = name }.ToJsonString() : $"{name}: {url}");
            return MeridianCommandLine.Done;
        }));
        return command;
    }
}
