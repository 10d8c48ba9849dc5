// SPDX-License-Identifier: MIT
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Meridian.Server.Auth;

/// <summary>
/// The provider's signing keys from its JSON Web Key Set (Meridian:Auth:Jwt:JwksUrl), for the JwtBearer handler,
/// which adds them to the PEM files' keys. Read at the first token and again once an hour. A provider that cannot
/// be reached keeps the keys read before (or none): tokens signed by the PEM files' keys are still accepted, and
/// the next token tries again. No refresh on an unknown key id: a forged "kid" must not make every request fetch.
/// </summary>
public sealed class JwksKeys(string url, TimeProvider time) : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private OpenIdConnectConfiguration _current = new();
    private DateTimeOffset _read = DateTimeOffset.MinValue;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (time.GetUtcNow() - _read < Lifetime)
        {
            return _current;
        }

        await _gate.WaitAsync(cancel);
        try
        {
            if (time.GetUtcNow() - _read >= Lifetime)
            {
                var set = new JsonWebKeySet(await _http.GetStringAsync(url, cancel));
                var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = set };
                foreach (var key in set.GetSigningKeys())
                {
                    configuration.SigningKeys.Add(key);
                }

                _current = configuration;
                _read = time.GetUtcNow();
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            // The provider is unreachable or answers no key set: the keys read before (if any) stay.
        }
        finally
        {
            _gate.Release();
        }

        return _current;
    }

    public void RequestRefresh()
    {
        // Deliberately nothing: see the class's remarks.
    }

    public void Dispose()
    {
        _gate.Dispose();
        _http.Dispose();
    }
}
