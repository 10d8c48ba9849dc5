// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Auth;

/// <summary>The identity provider's public keys from PEM files (RSA or EC), as exported from its JWKS.</summary>
public static class JwtSigningKeys
{
    /// <summary>The key in the file; an unreadable file throws IOException, one that holds no public key InvalidDataException.</summary>
    public static SecurityKey Read(string path)
    {
        var pem = File.ReadAllText(path);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        return TryEc(pem) ?? throw new InvalidDataException($"{path}: not an RSA or EC public key in PEM");
    }

    private static ECDsaSecurityKey? TryEc(string pem)
    {
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            return null;
        }
    }
}
