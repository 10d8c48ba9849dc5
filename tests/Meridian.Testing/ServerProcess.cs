// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Meridian.Testing;

/// <summary>The server as its own operating-system process (dotnet meridian-server.dll), to be killed for real.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The lines the server has written to its standard output so far (its console log).</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    public static async Task<ServerProcess> StartAsync(
        string dataDirectory, IDictionary<string, string> settings, int? port = null, IDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort()}/");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "meridian-server.dll"));
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Meridian__DataDirectory"] = dataDirectory;
        start.Environment["Meridian__ServicesDirectory"] = MeridianApplication.TestServicesDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment["Meridian__" + key] = value;
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                server._output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var response = await client.GetAsync("/uws");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                Assert.False(process.HasExited, "the server process exited during start-up");
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new TimeoutException("the server process did not start listening within 20 s");
    }

    /// <summary>kill -9: no shutdown code runs, as when a machine or container dies.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>
    /// Runs a server that is expected to refuse to start: with the test services, a data directory and a free
    /// port, plus <paramref name="settings"/> (environment variables); returns its exit code and standard error.
    /// </summary>
    public static async Task<(int ExitCode, string Errors)> RunUntilExitAsync(string dataDirectory, IDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "meridian-server.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        start.Environment["Meridian__DataDirectory"] = dataDirectory;
        start.Environment["Meridian__ServicesDirectory"] = MeridianApplication.TestServicesDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        using var server = Process.Start(start)!;
        var output = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.WaitForExitAsync(timeout.Token);
        await output;
        return (server.ExitCode, await errors);
    }

    /// <summary>SIGTERM, as a container runtime or systemd stops a service; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
