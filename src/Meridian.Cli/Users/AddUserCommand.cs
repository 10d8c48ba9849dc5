// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;
using Meridian.Users;

namespace Meridian.Cli.Users;

/// <summary>`meridian users add NAME [--admin] [--password-stdin]`: a new user with a first API token (printed once).</summary>
internal static class AddUserCommand
{
    /// <summary>Shorter passwords are refused: the sign-in form is throttled, but a stolen hash is not.</summary>
    private const int MinimumPasswordLength = 8;

    public static Command Create(Option<string> file, CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "letters, digits and . _ @ -, at most 128" };
        var admin = new Option<bool>("--admin") { Description = "may see and manage every user's jobs" };
        var withPassword = new Option<bool>("--password-stdin") { Description = "read a password for the sign-in form from standard input" };
        var command = new Command("add", "Add a user and print its first API token") { name, admin, withPassword };
        command.SetAction(result =>
        {
            var path = result.GetRequiredValue(file);
            return UsersCommand.Edit(path, console, users => Add(
                users, result.GetRequiredValue(name), result.GetValue(admin), result.GetValue(withPassword), path, console));
        });
        return command;
    }

    private static int Add(List<UserAccount> users, string name, bool admin, bool withPassword, string file, CliConsole console)
    {
        if (!UsersFile.IsValidName(name))
        {
            console.Error.WriteLine($"meridian users: '{name}' is not a valid name (letters, digits and . _ @ -, at most 128)");
            return MeridianCommandLine.BadCommandLine;
        }

        if (users.Any(u => u.Name == name))
        {
            console.Error.WriteLine($"meridian users: {name} exists already in {file}");
            return MeridianCommandLine.Failed;
        }

        string? password = null;
        if (withPassword)
        {
            password = console.Input.ReadLine();
            if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength)
            {
                console.Error.WriteLine($"meridian users: the password read from standard input must have at least {MinimumPasswordLength} characters");
                return MeridianCommandLine.BadCommandLine;
            }
        }

        var token = SecretHasher.NewToken();
        users.Add(new UserAccount
        {
            Name = name,
            Admin = admin,
            PasswordHash = password is null ? null : SecretHasher.HashPassword(password),
            TokenHashes = [SecretHasher.HashToken(token)],
        });
        UsersFile.Save(file, users);
        console.Output.WriteLine(token);
        return MeridianCommandLine.Done;
    }
}
