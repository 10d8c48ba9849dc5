// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>
/// `meridian services|submit|list|show|wait|abort|delete|results URL …`: a client of any UWS 1.1 server (services
/// reads Meridian's /uws index), each command in its own file.
/// </summary>
public static class ClientCommands
{
    /// <summary>Runs a client command line (its first word the command), as `meridian` would.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors) =>
        MeridianCommandLine.InvokeAsync(args, new CliConsole(TextReader.Null, output, errors));

    public static IEnumerable<Command> Create(CliConsole console)
    {
        var options = new ClientOptions();
        yield return ServicesCommand.Create(options, console);
        yield return SubmitCommand.Create(options, console);
        yield return ListCommand.Create(options, console);
        yield return ShowCommand.Create(options, console);
        yield return WaitCommand.Create(options, console);
        yield return ControlCommands.Abort(options, console);
        yield return ControlCommands.Delete(options, console);
        yield return ResultsCommand.Create(options, console);
    }
}
