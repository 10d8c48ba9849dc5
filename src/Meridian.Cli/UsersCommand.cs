// SPDX-License-Identifier: MIT
using Meridian.Engine.Users;

namespace Meridian.Cli;

/// <summary>
/// meridian users add|remove|list|token --file FILE: manages the server's users file. A password is read from
/// standard input (never from the command line, where other users of the machine could see it); a new API
/// token is printed once and only its hash is kept.
/// </summary>
public static class UsersCommand
{
    public const string DefaultFile = "users.json";

    public static int Run(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        var file = Option(args, "--file") ?? DefaultFile;
        var admin = args.Contains("--admin");
        var withPassword = args.Contains("--password-stdin");
        var positional = args.Where((arg, i) => !arg.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--file")).ToList();
        try
        {
            var users = UsersFile.Load(file).ToList();
            switch (positional)
            {
                case ["list"]:
                    foreach (var user in users.OrderBy(u => u.Name, StringComparer.Ordinal))
                    {
                        output.WriteLine($"{user.Name}{(user.Admin ? " (admin)" : "")}: {(user.PasswordHash is null ? "no password" : "password")}, {user.TokenHashes.Count} token(s)");
                    }

                    return 0;
                case ["add", var name]:
                    if (!UsersFile.IsValidName(name))
                    {
                        error.WriteLine($"meridian users: '{name}' is not a valid name (letters, digits and . _ @ -, at most 128)");
                        return 2;
                    }

                    if (users.Any(u => u.Name == name))
                    {
                        error.WriteLine($"meridian users: {name} exists already in {file}");
                        return 1;
                    }

                    string? password = null;
                    if (withPassword)
                    {
                        password = input.ReadLine();
                        if (string.IsNullOrEmpty(password) || password.Length < 8)
                        {
                            error.WriteLine("meridian users: the password read from standard input must have at least 8 characters");
                            return 2;
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
                    output.WriteLine(token);
                    return 0;
                case ["token", var name]:
                    var index = users.FindIndex(u => u.Name == name);
                    if (index < 0)
                    {
                        error.WriteLine($"meridian users: no user {name} in {file}");
                        return 1;
                    }

                    var another = SecretHasher.NewToken();
                    users[index] = users[index] with { TokenHashes = [.. users[index].TokenHashes, SecretHasher.HashToken(another)] };
                    UsersFile.Save(file, users);
                    output.WriteLine(another);
                    return 0;
                case ["remove", var name]:
                    if (users.RemoveAll(u => u.Name == name) == 0)
                    {
                        error.WriteLine($"meridian users: no user {name} in {file}");
                        return 1;
                    }

                    UsersFile.Save(file, users);
                    return 0;
                default:
                    error.WriteLine("usage: meridian users add NAME [--admin] [--password-stdin] | token NAME | remove NAME | list  [--file FILE]");
                    return 2;
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"meridian users: {exception.Message}");
            return 1;
        }
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
