// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;

namespace Meridian.Engine.Lifecycle;

/// <summary>What of a client's file name may be kept: a plain extension for the stored file, a cleaned name for display.</summary>
public static partial class UploadNames
{
    public static string SafeExtension(string? fileName)
    {
        var extension = Path.GetExtension(DisplayName(fileName));
        return PlainExtension().IsMatch(extension) ? extension.ToLowerInvariant() : "";
    }

    /// <summary>The last path segment, without control characters, at most 255 characters.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length > 255 ? name[..255] : name;
    }

    /// <summary>A fresh suffix for a replacement upload, so it never overwrites the file a job may be using.</summary>
    public static string NewRevision() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,10}$")]
    private static partial Regex PlainExtension();
}
