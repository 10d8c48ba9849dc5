// SPDX-License-Identifier: MIT
namespace Meridian.Users;

/// <summary>
/// One user of the users file: a name (the owner id of the jobs they create), the hash of their password
/// (HTTP Basic), the hashes of their API tokens (Bearer), and whether they administer the server (see every job).
/// Secrets are never stored, only their hashes (SecretHasher).
/// </summary>
public sealed record UserAccount
{
    public required string Name { get; init; }

    public string? PasswordHash { get; init; }

    public IReadOnlyList<string> TokenHashes { get; init; } = [];

    public bool Admin { get; init; }
}
