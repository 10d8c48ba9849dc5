// SPDX-License-Identifier: MIT
using System.Net;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Proxy;

/// <summary>A path base or a proxy address that cannot be meant stops the server at start-up, naming the setting.</summary>
public sealed class ProxySettingsValidation : IValidateOptions<ProxySettings>
{
    public ValidateOptionsResult Validate(string? name, ProxySettings options)
    {
        var problems = new List<string>();
        var pathBase = options.PathBase;
        if (pathBase.Length > 0 && (!pathBase.StartsWith('/') || pathBase.EndsWith('/') || pathBase.IndexOfAny(['?', '#', '\\', ' ']) >= 0 || pathBase.Contains("//", StringComparison.Ordinal)))
        {
            problems.Add($"Meridian:PathBase '{pathBase}' must be a path such as /meridian: a leading slash, no trailing slash, no query, fragment, space or backslash.");
        }

        foreach (var entry in options.TrustedEntries)
        {
            if (!IPAddress.TryParse(entry, out _) && !IPNetwork.TryParse(entry, out _))
            {
                problems.Add($"Meridian:TrustedProxies: '{entry}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
