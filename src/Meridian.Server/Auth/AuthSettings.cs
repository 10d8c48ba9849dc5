// SPDX-License-Identifier: MIT
namespace Meridian.Server.Auth;

/// <summary>
/// Meridian:Auth. Authentication is off unless a users file is named: every caller is then anonymous, as
/// suits a server on one's own machine. With a users file, callers prove who they are with HTTP Basic
/// (name and password) or an API token (Authorization: Bearer), and only a service declaring
/// `anonymous: true` takes requests from callers who do not.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Meridian:Auth";

    /// <summary>The users file (`meridian users add` writes it); null: authentication off.</summary>
    public string? UsersFile { get; set; }

    /// <summary>How long a checked Basic password is remembered, so that PBKDF2 does not run on every request.</summary>
    public TimeSpan PasswordCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a browser's sign-in lasts without a request; each request made in its second half renews it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed passwords or tokens allowed per user name and per client address within FailedSignInWindow; then 429.</summary>
    public int MaxFailedSignIns { get; set; } = 10;

    /// <summary>The window in which failed attempts are counted; a throttled caller waits until it ends.</summary>
    public TimeSpan FailedSignInWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a signed download link of one result (for a SAMP hub's clients) can be used.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The key (base64, at least 32 bytes) that signs download links; several nodes behind one address need the
    /// same one. Empty: each start draws a key of its own, and its links end with it.
    /// </summary>
    public string? SignedUrlKey { get; set; }

    /// <summary>JWT bearer tokens from an external identity provider.</summary>
    public JwtSettings Jwt { get; } = new();

    public bool Enabled => !string.IsNullOrEmpty(UsersFile) || Jwt.Enabled;

    /// <summary>
    /// Put before a token's name to make its owner. Beside a users file, a token's "alice" is not the users file's
    /// alice (JwtSettings.OwnerPrefix says how to change that).
    /// </summary>
    public string JwtOwnerPrefix => Jwt.OwnerPrefix ?? (string.IsNullOrEmpty(UsersFile) ? "" : JwtSettings.DefaultOwnerPrefix);
}
