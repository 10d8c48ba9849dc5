// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Meridian.Users;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>The users file, read once at start-up (restart the server after `meridian users`), indexed by name and by token hash.</summary>
public sealed class UserDirectory
{
    private static readonly string UnknownUserHash = SecretHasher.HashPassword(Guid.NewGuid().ToString());
    private readonly FrozenDictionary<string, UserAccount> _byName;
    private readonly FrozenDictionary<string, UserAccount> _byToken;
    private readonly TimeSpan _passwordCacheLifetime;
    private readonly TimeProvider _time;

    /// <summary>Passwords proven recently, by the SHA-256 of name and password, with when they stop counting.</summary>
    private readonly ConcurrentDictionary<string, (string User, DateTimeOffset Until)> _recentPasswords = new(StringComparer.Ordinal);

    public UserDirectory(IOptions<AuthSettings> settings, TimeProvider time)
    {
        _passwordCacheLifetime = settings.Value.PasswordCacheLifetime;
        _time = time;
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

    /// <summary>
    /// The user whose password this is, or null; an unknown name costs the same PBKDF2 as a wrong password. A
    /// password proven within PasswordCacheLifetime is not stretched again (HTTP Basic sends it with every request).
    /// </summary>
    public UserAccount? SignIn(string name, string password)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{name}\0{password}")));
        var now = _time.GetUtcNow();
        if (_recentPasswords.TryGetValue(key, out var recent) && recent.Until > now && Find(recent.User) is { } known)
        {
            return known;
        }

        var user = Find(name);
        if (!SecretHasher.VerifyPassword(password, user?.PasswordHash ?? UnknownUserHash) || user is null)
        {
            return null;
        }

        _recentPasswords[key] = (user.Name, now + _passwordCacheLifetime);
        return user;
    }

    public UserAccount? FindByToken(string token) => token.Length is > 0 and < 512 ? _byToken.GetValueOrDefault(SecretHasher.HashToken(token)) : null;
}
