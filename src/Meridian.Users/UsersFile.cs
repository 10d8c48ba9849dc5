// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Meridian.Users;

/// <summary>
/// The users file: a JSON document {"users": [...]} of UserAccount, managed with `meridian users` and read by
/// the server at start-up. Written whole to a temporary file then renamed, mode 0600: a crash never leaves half
/// a file, and other accounts of the machine cannot read the hashes.
/// </summary>
public static partial class UsersFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The accounts of the file; none when it does not exist. Throws InvalidDataException for a broken file, saying why.</summary>
    public static IReadOnlyList<UserAccount> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a users file ({exception.Message})", exception);
        }

        var users = document?.Users ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            if (user.Name is null || !IsValidName(user.Name) || !names.Add(user.Name))
            {
                throw new InvalidDataException($"{path}: user name '{user.Name}' is missing, not valid or used twice");
            }
        }

        return users;
    }

    public static void Save(string path, IReadOnlyList<UserAccount> users)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new Document { Users = [.. users] }, Json);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Letters, digits and . _ @ - (an e-mail address fits), 1 to 128 characters: a name is an owner id shown in documents.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,128}$")]
    private static partial Regex NamePattern();

    private sealed class Document
    {
        public List<UserAccount> Users { get; init; } = [];
    }
}
