// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Meridian.Browser.Tests.Samp;

/// <summary>
/// astropy's SAMP hub (Web Profile on port 21012, accepting one origin) and its receiving client, run by
/// samp_peer.py for as long as a test needs them; each line the script prints is one event read as JSON.
/// </summary>
public sealed class SampPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-samp-").FullName;
    private readonly Task _reading;
    private readonly Task<string> _errors;
    private readonly List<string> _lines = [];

    private SampPeer(string origin)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Samp", "samp_peer.py"));
        start.ArgumentList.Add(origin);
        start.ArgumentList.Add(Path.Combine(_folder, "samp.lock"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        _errors = _process.StandardError.ReadToEndAsync();
        _reading = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }

                if (line.StartsWith('{'))
                {
                    await _events.Writer.WriteAsync(JsonDocument.Parse(line).RootElement.Clone());
                }
            }

            _events.Writer.Complete();
        });
    }

    /// <summary>Starts the hub and the client, and returns once the client is registered.</summary>
    public static async Task<SampPeer> StartAsync(Uri page)
    {
        var peer = new SampPeer(page.GetLeftPart(UriPartial.Authority));
        if (await peer.NextAsync("ready") is null)
        {
            peer._process.Kill(entireProcessTree: true);
            Assert.Fail($"astropy's SAMP hub did not start (is port 21012 taken?): {string.Join('\n', peer._lines)}\n{await peer._errors}");
        }

        return peer;
    }

    /// <summary>The next event of a kind (skipping others), or null if the script ends or a minute passes first.</summary>
    public async Task<JsonElement?> NextAsync(string kind)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            while (await _events.Reader.WaitToReadAsync(limit.Token))
            {
                var item = await _events.Reader.ReadAsync(limit.Token);
                if (item.GetProperty("event").GetString() == kind)
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its input ends the script, which unregisters the client and stops the hub.
        _process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reading;
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
