// SPDX-License-Identifier: MIT
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Meridian.Engine.Jobs;

/// <summary>Job identifiers: 128 random bits from the OS CSPRNG, base64url (22 characters, a legal URI path element).</summary>
public static class JobId
{
    private const int RandomBytes = 16;
    public const int Length = 22;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>True for strings that could be a job id; anything else cannot name a job and never reaches the store or the disk.</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.AsSpan().IndexOfAnyExcept(Alphabet) < 0;

    private static readonly System.Buffers.SearchValues<char> Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
