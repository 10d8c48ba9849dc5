// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Meridian.Server.Tests.OImaging;

/// <summary>An answer as read off the socket: status, headers (names without case) and the body's bytes.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsRedirection => Status is >= 300 and < 400;
}

/// <summary>
/// One kept-alive HTTP/1.1 connection that sends bytes exactly as given (a replayed client's request) and reads the
/// answer itself (Content-Length or chunked), so nothing between the test and Kestrel rewrites either side.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp = new();
    private Stream _stream = Stream.Null;
    private readonly byte[] _buffer = new byte[16384];
    private int _start;
    private int _end;

    private RawHttpConnection()
    {
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri server)
    {
        var connection = new RawHttpConnection();
        await connection._tcp.ConnectAsync(server.Host, server.Port);
        connection._stream = connection._tcp.GetStream();
        return connection;
    }

    public async Task<RawResponse> SendAsync(byte[] request)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _stream.WriteAsync(request, limit.Token);
        await _stream.FlushAsync(limit.Token);
        var statusLine = await ReadLineAsync(limit.Token);
        var parts = statusLine.Split(' ', 3);
        var status = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(limit.Token); line.Length > 0; line = await ReadLineAsync(limit.Token))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new MemoryStream();
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            for (var size = ChunkSize(await ReadLineAsync(limit.Token)); size > 0; size = ChunkSize(await ReadLineAsync(limit.Token)))
            {
                await ReadExactlyAsync(body, size, limit.Token);
                await ReadLineAsync(limit.Token);
            }

            await ReadLineAsync(limit.Token);
        }
        else if (headers.TryGetValue("Content-Length", out var length))
        {
            await ReadExactlyAsync(body, long.Parse(length, CultureInfo.InvariantCulture), limit.Token);
        }

        return new RawResponse(status, headers, body.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private static long ChunkSize(string line) => long.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task FillAsync(CancellationToken cancellation)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, cancellation);
            if (_end == 0)
            {
                throw new IOException("the server closed the connection in the middle of an answer");
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellation)
    {
        var line = new List<byte>();
        while (true)
        {
            await FillAsync(cancellation);
            var b = _buffer[_start++];
            if (b == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(b);
        }
    }

    private async Task ReadExactlyAsync(Stream into, long count, CancellationToken cancellation)
    {
        while (count > 0)
        {
            await FillAsync(cancellation);
            var take = (int)Math.Min(count, _end - _start);
            into.Write(_buffer, _start, take);
            _start += take;
            count -= take;
        }
    }
}
