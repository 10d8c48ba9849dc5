// SPDX-License-Identifier: MIT
using System.Net;

namespace Meridian.Server.Proxy;

/// <summary>
/// Meridian behind a data centre's reverse proxy: the path under which everything is served
/// (Meridian:PathBase, for example /meridian) and the proxies whose X-Forwarded-* headers are believed
/// (Meridian:TrustedProxies: addresses such as 10.0.0.5 or networks such as 10.0.0.0/24). From any other
/// sender those headers are ignored, so nobody can pass for another client address, host or scheme.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "Meridian";

    /// <summary>The path prefix of every URL, with its leading slash and no trailing one; empty for none.</summary>
    public string PathBase { get; set; } = "";

    /// <summary>Addresses or CIDR networks of the reverse proxies in front of this server (each entry may list several, comma-separated).</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public IEnumerable<string> TrustedEntries =>
        TrustedProxies.SelectMany(entry => entry.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Each trusted entry as a network (a single address is a network of one).</summary>
    public IReadOnlyList<IPNetwork> TrustedNetworks() => TrustedEntries.Select(entry =>
        IPAddress.TryParse(entry, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : IPNetwork.Parse(entry)).ToList();
}
