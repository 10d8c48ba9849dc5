// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Sockets;

namespace Meridian.Server.Tests.Proxy;

/// <summary>HTTP clients that connect from a chosen loopback address, as a reverse proxy on another host would.</summary>
public static class ProxyClients
{
    /// <summary>A client whose connections come from <paramref name="local"/> (any 127.x.y.z works on Linux's loopback).</summary>
    public static HttpClient From(IPAddress local, Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { BaseAddress = baseAddress };
}
