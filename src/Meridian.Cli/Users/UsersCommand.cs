// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;
using Meridian.Users;

namespace Meridian.Cli.Users;

/// <summary>
/// meridian users add|token|remove|list [--file FILE]: manages the server's users file. A password is read from
/// standard input (never from the command line, where other users of the machine could see it); a new API
/// token is printed once and only its hash is kept.
/// </summary>
public static class UsersCommand
{
    public const string DefaultFile = "users.json";

    /// <summary>Runs `meridian users ARGS…`.</summary>
    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error) =>
        MeridianCommandLine.Invoke(["users", .. args], new CliConsole(input, output, error));

    public static Command Create(CliConsole console)
    {
        var file = new Option<string>("--file")
        {
            Description = "the users file",
            DefaultValueFactory = _ => DefaultFile,
            Recursive = true,
        };
        var users = new Command("users", "Manage the server's users file (default users.json); add and token print a new API token") { file };
        users.Add(AddUserCommand.Create(file, console));
        users.Add(Named("token", "Print a further API token for NAME", file, console, NewToken));
        users.Add(Named("remove", "Remove NAME and all its tokens", file, console, Remove));
        var list = new Command("list", "List the users, their roles and how they may sign in");
        list.SetAction(result => Edit(result.GetRequiredValue(file), console, users => List(users, console.Output)));
        users.Add(list);
        return users;
    }

    /// <summary>Loads the file, lets <paramref name="change"/> work on its users (it saves when it changed them), and maps file problems to exit 1.</summary>
    internal static int Edit(string file, CliConsole console, Func<List<UserAccount>, int> change)
    {
        try
        {
            return change(UsersFile.Load(file).ToList());
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"meridian users: {exception.Message}");
            return MeridianCommandLine.Failed;
        }
    }

    private static Command Named(string name, string description, Option<string> file, CliConsole console, Func<List<UserAccount>, string, string, CliConsole, int> action)
    {
        var user = new Argument<string>("NAME") { Description = "the user's name" };
        var command = new Command(name, description) { user };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            return Edit(path, console, users => action(users, result.GetRequiredValue(user), path, console));
        });
        return command;
    }

    private static int List(List<UserAccount> users, TextWriter output)
    {
        foreach (var user in users.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"{user.Name}{(user.Admin ? " (admin)" : "")}: {(user.PasswordHash is null ? "no password" : "password")}, {user.TokenHashes.Count} token(s)");
        }

        return MeridianCommandLine.Done;
    }

    private static int NewToken(List<UserAccount> users, string name, string file, CliConsole console)
    {
        var index = users.FindIndex(u => u.Name == name);
        if (index < 0)
        {
            console.Error.WriteLine($"meridian users: no user {name} in {file}");
            return MeridianCommandLine.Failed;
        }

        var token = SecretHasher.NewToken();
        users[index] = users[index] with { TokenHashes = [.. users[index].TokenHashes, SecretHasher.HashToken(token)] };
        UsersFile.Save(file, users);
        console.Output.WriteLine(token);
        return MeridianCommandLine.Done;
    }

    private static int Remove(List<UserAccount> users, string name, string file, CliConsole console)
    {
        if (users.RemoveAll(u => u.Name == name) == 0)
        {
            console.Error.WriteLine($"meridian users: no user {name} in {file}");
            return MeridianCommandLine.Failed;
        }

        UsersFile.Save(file, users);
        return MeridianCommandLine.Done;
    }
}
