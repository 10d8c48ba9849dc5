// SPDX-License-Identifier: MIT
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Meridian.Server.Auth;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Sharing;

/// <summary>
/// Download links for one result that work without the browser's session, for the desktop tools a SAMP hub
/// hands them to: an HMAC-SHA256 over the service, job, result, form, expiry and the job's owner. A link
/// opens nothing but that one file, and stops working when it expires or when any part of it is changed.
/// </summary>
public sealed class SignedResultUrls
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SignedResultUrls(IOptions<AuthSettings> settings, TimeProvider time)
    {
        _time = time;
        Lifetime = settings.Value.SignedUrlLifetime;
        // Several nodes behind one address must share the key; one node may draw its own (links die with it).
        _key = string.IsNullOrEmpty(settings.Value.SignedUrlKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(settings.Value.SignedUrlKey);
    }

    public TimeSpan Lifetime { get; }

    public SignedResult Sign(string service, string jobId, string resultId, string? format, string? ownerId)
    {
        var expires = _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return new SignedResult(expires, Signature(service, jobId, resultId, format, expires, ownerId));
    }

    public bool HasExpired(long expires) => _time.GetUtcNow().ToUnixTimeSeconds() > expires;

    public bool IsValid(string service, string jobId, string resultId, string? format, long expires, string? ownerId, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Signature(service, jobId, resultId, format, expires, ownerId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Signature(string service, string jobId, string resultId, string? format, long expires, string? ownerId)
    {
        // Fields joined by a byte none of them may hold, so that no two different links sign the same text.
        var text = string.Join('\0', service, jobId, resultId, format ?? "", expires.ToString(CultureInfo.InvariantCulture), ownerId ?? "");
        return Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A signed link's expiry (Unix seconds) and signature.</summary>
public sealed record SignedResult(long Expires, string Signature);
