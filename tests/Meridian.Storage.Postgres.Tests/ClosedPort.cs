// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Sockets;

namespace Meridian.Storage.Postgres.Tests;

/// <summary>Loopback ports for a database server that is not there.</summary>
internal static class ClosedPort
{
    /// <summary>A port where nothing listens: connecting is refused at once.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string ConnectionString(int port) => $"Host=127.0.0.1;Port={port};Username=meridian;Password=secret;Database=meridian";
}
