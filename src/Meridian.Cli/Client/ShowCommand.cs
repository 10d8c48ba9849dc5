// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;
using Meridian.Protocol;

namespace Meridian.Cli.Client;

/// <summary>`meridian show JOB`: the job's phase, times, parameters, results and error.</summary>
internal static class ShowCommand
{
    public static Command Create(ClientOptions options, CliConsole console)
    {
        var job = ClientOptions.Url("JOB", "the job's URL");
        var command = options.Command("show", "Show a job", job);
        command.SetAction(result => UwsSession.RunAsync(result, options, console, async session =>
        {
            JobPrinter.Write(session, UwsXmlReader.ReadJob(await session.GetStringAsync(result.GetRequiredValue(job))));
            return MeridianCommandLine.Done;
        }));
        return command;
    }
}
