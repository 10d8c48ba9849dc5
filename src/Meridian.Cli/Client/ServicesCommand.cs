// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>`meridian services SERVER`: the services of a Meridian server, from its /uws index.</summary>
internal static class ServicesCommand
{
    public static Command Create(ClientOptions options, CliConsole console)
    {
        var server = ClientOptions.Url("SERVER", "the server's address, e.g. http://host:8080");
        var command = options.Command("services", "List the services of a Meridian server", server);
        command.SetAction(result => UwsSession.RunAsync(result, options, console, session => RunAsync(session, result.GetRequiredValue(server).TrimEnd('/'))));
        return command;
    }

    private static async Task<int> RunAsync(UwsSession session, string url)
    {
        var services = JsonNode.Parse(await session.GetStringAsync(url + "/uws"))?.AsArray()
            ?? throw new RefusedException($"{url}/uws is not a list of services");
        if (session.Json)
        {
            session.Output.WriteLine(services.ToJsonString(JobPrinter.Indented));
            return MeridianCommandLine.Done;
        }

        foreach (var service in services)
        {
            session.Output.WriteLine($"{service!["name"]}\t{service["jobs"]}\t{service["title"]}");
        }

        return MeridianCommandLine.Done;
    }
}
