// SPDX-License-Identifier: MIT
using System.Collections.Frozen;
using Meridian.Engine.Users;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>The users file, read once at start-up (restart the server after `meridian users`), indexed by name and by token hash.</summary>
public sealed class UserDirectory
{
    private static readonly string UnknownUserHash = SecretHasher.HashPassword(Guid.NewGuid().ToString());
    private readonly FrozenDictionary<string, UserAccount> _byName;
    private readonly FrozenDictionary<string, UserAccount> _byToken;

    public UserDirectory(IOptions<AuthSettings> settings)
    {
        var path = settings.Value.UsersFile;
        if (!string.IsNullOrEmpty(path) && !File.Exists(path))
        {
            throw new InvalidDataException($"the users file {Path.GetFullPath(path)} does not exist (create it with: meridian users add NAME --file {path})");
        }

        var users = string.IsNullOrEmpty(path) ? [] : UsersFile.Load(path);
        _byName = users.ToFrozenDictionary(user => user.Name, StringComparer.Ordinal);
        _byToken = users.SelectMany(user => user.TokenHashes.Select(hash => (hash, user)))
            .ToFrozenDictionary(pair => pair.hash, pair => pair.user, StringComparer.Ordinal);
    }

    public int Count => _byName.Count;

    public UserAccount? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The user whose password this is, or null; an unknown name costs the same PBKDF2 as a wrong password.</summary>
    public UserAccount? SignIn(string name, string password)
    {
        var user = Find(name);
        return SecretHasher.VerifyPassword(password, user?.PasswordHash ?? UnknownUserHash) && user is not null ? user : null;
    }

    public UserAccount? FindByToken(string token) => token.Length is > 0 and < 512 ? _byToken.GetValueOrDefault(SecretHasher.HashToken(token)) : null;
}
