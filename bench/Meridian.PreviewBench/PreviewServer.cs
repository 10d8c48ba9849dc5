// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Meridian.PreviewBench;

/// <summary>meridian-server as its own process on a free loopback port, with the bench's two copy services.</summary>
internal sealed class PreviewServer : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _data;

    private PreviewServer(Process process, DirectoryInfo data, Uri address)
    {
        _process = process;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PreviewServer> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("meridian-preview-bench-");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = data.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "meridian-server.dll"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Meridian__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Meridian__DataDirectory"] = data.FullName;
        start.Environment["Meridian__ServicesDirectory"] = Path.Combine(AppContext.BaseDirectory, "services");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PreviewServer(process, data, address);
        using var http = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var response = await http.GetAsync("availability");
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new InvalidOperationException("meridian-server did not start");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _data.Delete(recursive: true);
    }
}
