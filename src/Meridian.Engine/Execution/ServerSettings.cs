// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// The server's own environment variables (connection strings with passwords, runtime switches): no job, local
/// or batch, inherits them.
/// </summary>
public static class ServerSettings
{
    private static readonly string[] Prefixes = ["Meridian__", "ASPNETCORE_", "DOTNET_", "PGPASSWORD"];

    public static bool IsServerSetting(string name) =>
        Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
