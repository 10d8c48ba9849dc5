// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// Failed password and token attempts, counted per user name and per client address in fixed windows of
/// Meridian:Auth:FailedSignInWindow. Once either has MaxFailedSignIns failures, further attempts are answered
/// 429 until its window ends, before any password is hashed: guessing costs the server almost nothing.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthSettings> settings, TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string? user, string? address)
    {
        var now = time.GetUtcNow();
        TimeSpan? wait = null;
        foreach (var key in Keys(user, address))
        {
            if (_failures.TryGetValue(key, out var window) && window.Ends > now && window.Count >= settings.Value.MaxFailedSignIns)
            {
                var left = window.Ends - now;
                wait = wait is { } other && other > left ? other : left;
            }
        }

        return wait;
    }

    public void RecordFailure(string? user, string? address)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, window) in _failures.Where(pair => pair.Value.Ends <= now))
            {
                _failures.TryRemove(key, out _);
            }
        }

        foreach (var key in Keys(user, address))
        {
            _failures.AddOrUpdate(key, _ => new Window(now + settings.Value.FailedSignInWindow, 1),
                (_, window) => window.Ends > now ? window with { Count = window.Count + 1 } : new Window(now + settings.Value.FailedSignInWindow, 1));
        }
    }

    /// <summary>A user who proved who they are starts afresh (the address keeps its count: it may guess for others).</summary>
    public void RecordSuccess(string user) => _failures.TryRemove("user:" + user, out _);

    private static IEnumerable<string> Keys(string? user, string? address)
    {
        if (!string.IsNullOrEmpty(user))
        {
            yield return "user:" + user;
        }

        if (!string.IsNullOrEmpty(address))
        {
            yield return "address:" + address;
        }
    }

    private sealed record Window(DateTimeOffset Ends, int Count);
}

/// <summary>An authentication attempt refused because too many failed before it (answered 429 with Retry-After).</summary>
public sealed class SignInThrottledException(TimeSpan retryAfter)
    : Exception($"Too many failed sign-in attempts: try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
