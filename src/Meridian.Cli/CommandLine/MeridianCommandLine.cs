// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.CommandLine.Parsing;
using Meridian.Cli.Client;
using Meridian.Cli.Users;

namespace Meridian.Cli.CommandLine;

/// <summary>
/// The `meridian` command line: one command per file, help generated from their descriptions. A command line that
/// does not parse exits with 2 and says why in words; 1 is kept for broken definitions, refusals and failed jobs.
/// </summary>
public static class MeridianCommandLine
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadCommandLine = 2;

    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(
            "Meridian: check service definitions, manage the users file, and drive any UWS 1.1 server.\n" +
            "Exit codes: 0 done; 1 broken definitions, a refusal from the server (its reason printed), or a job that did not complete; " +
            "2 the command line is wrong.")
        {
            CheckCommand.Create(console),
            UsersCommand.Create(console),
        };
        foreach (var command in ClientCommands.Create(console))
        {
            root.Add(command);
        }

        return root;
    }

    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var result = Create(console).Parse(args);
        if (result.Errors.Count > 0)
        {
            console.Error.WriteLine($"meridian: {Reason(result)} (meridian --help)");
            return BadCommandLine;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error }, cancellationToken);
    }

    public static int Invoke(IReadOnlyList<string> args, CliConsole console) => InvokeAsync(args, console).GetAwaiter().GetResult();

    /// <summary>The first problem, in the words of this tool rather than the parser's.</summary>
    private static string Reason(ParseResult result)
    {
        if (result.UnmatchedTokens is [var unmatched, ..])
        {
            return unmatched.StartsWith('-') ? $"unknown option {unmatched}"
                : result.CommandResult.Command is RootCommand ? $"unknown command '{unmatched}'"
                : $"unexpected '{unmatched}' after meridian {CommandPath(result.CommandResult)}";
        }

        var error = result.Errors[0];
        return error.SymbolResult switch
        {
            ArgumentResult { Argument: var argument } when ClientOptions.IsUrl(argument) =>
                $"a command and a URL are needed: meridian {CommandPath(result.CommandResult)} {argument.Name}",
            ArgumentResult { Argument: var argument } => $"{CommandPath(result.CommandResult)} needs {argument.Name}",
            CommandResult { Command: RootCommand } => "a command is needed",
            _ => error.Message,
        };
    }

    private static string CommandPath(CommandResult? command)
    {
        var names = new List<string>();
        for (var current = command; current is not null && current.Command is not RootCommand; current = current.Parent as CommandResult)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
