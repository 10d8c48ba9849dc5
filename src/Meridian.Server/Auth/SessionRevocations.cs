// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Browser sessions ended by signing out. Each session carries an id of its own (claim "sid"); once revoked,
/// its cookie proves nothing, even if it was copied before the sign-out. An id is remembered for one
/// SessionLifetime, the longest its cookie can still be valid without being used. Kept in this server's memory:
/// with several nodes, a copied cookie still works on the others until it expires.
/// </summary>
public sealed class SessionRevocations(IOptions<AuthSettings> settings, TimeProvider time)
{
    public const string ClaimType = "sid";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _revoked = new(StringComparer.Ordinal);

    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public void Revoke(string sessionId)
    {
        var now = time.GetUtcNow();
        foreach (var (id, until) in _revoked.Where(pair => pair.Value <= now))
        {
            _revoked.TryRemove(id, out _);
        }

        _revoked[sessionId] = now + settings.Value.SessionLifetime;
    }

    public bool IsRevoked(string sessionId) => _revoked.TryGetValue(sessionId, out var until) && until > time.GetUtcNow();
}
