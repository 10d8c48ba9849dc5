// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Meridian.Bench;

/// <summary>
/// meridian-server as its own process (dotnet meridian-server.dll), with the default configuration (SQLite,
/// local execution) except a fresh data directory, the bench's services and a free loopback port.
/// Disposing it kills it and deletes its data directory.
/// </summary>
internal sealed class ServerUnderTest : IDisposable
{
    private const int KeptOutputLines = 40;
    private readonly Process _process;
    private readonly DirectoryInfo _scratch;
    private readonly Queue<string> _recentOutput = new();
    private long _outputLines;

    private ServerUnderTest(Process process, DirectoryInfo scratch, Uri baseAddress)
    {
        _process = process;
        _scratch = scratch;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public TimeSpan StartupTime { get; private set; }

    /// <summary>Lines the server wrote to stdout and stderr (its log), which it pays for in formatting and writing.</summary>
    public long OutputLines => Interlocked.Read(ref _outputLines);

    /// <summary>
    /// Starts a server. <paramref name="settings"/> (Meridian__Store__Provider...) are added to the default
    /// configuration; <paramref name="dataDirectory"/>, when given, is used instead of a fresh one and is not
    /// deleted on disposal (the caller owns it: a restart over the same database, or nodes sharing it).
    /// </summary>
    public static async Task<ServerUnderTest> StartAsync(CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "meridian-server.dll");
        var services = Path.Combine(AppContext.BaseDirectory, "services");
        if (!File.Exists(serverDll))
        {
            throw new BenchException($"{serverDll} is missing: build the bench (it references src/Meridian.Server)");
        }

        var scratch = Directory.CreateTempSubdirectory("meridian-bench-");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = scratch.FullName,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(serverDll);
        // The default configuration: nothing inherited from this shell may change it.
        foreach (var name in start.Environment.Keys.Where(IsServerSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Meridian__DataDirectory"] = dataDirectory ?? Path.Combine(scratch.FullName, "data");
        start.Environment["Meridian__ServicesDirectory"] = services;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var began = Stopwatch.GetTimestamp();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BenchException("dotnet did not start");
        }
        catch
        {
            scratch.Delete(recursive: true);
            throw;
        }

        var server = new ServerUnderTest(process, scratch, address);
        try
        {
            process.OutputDataReceived += (_, line) => server.Keep(line.Data);
            process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await server.WaitUntilListeningAsync(cancellationToken);
            server.StartupTime = Stopwatch.GetElapsedTime(began);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>VmHWM (peak resident set) and VmRSS of the server process, in KiB, from /proc/pid/status.</summary>
    public (long PeakKiB, long CurrentKiB) ReadMemory()
    {
        long Field(string[] lines, string name) =>
            lines.Where(line => line.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(line => long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault(-1);

        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Field(status, "VmHWM"), Field(status, "VmRSS"));
    }

    /// <summary>CPU time of the server and of the children it waited for (the jobs), in clock ticks, from /proc/pid/stat.</summary>
    public long CpuTicks() => CpuMeter.ProcessTicks(_process.Id, withChildren: true);

    /// <summary>
    /// CPU ticks of the runtime's tiered-compilation thread, which recompiles hot methods at tier 1 in the background: while
    /// it still works, the server's CPU per request is not yet that of a server in service.
    /// </summary>
    public long CompilerTicks() => CpuMeter.ThreadTicks(_process.Id, ".NET Tiered Com");

    public string RecentOutput()
    {
        lock (_recentOutput)
        {
            return string.Join(Environment.NewLine, _recentOutput);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }

        _process.Dispose();
        try
        {
            _scratch.Delete(recursive: true);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"bench: could not delete {_scratch.FullName}: {exception.Message}");
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        using var client = BenchHttp.CreateClient(BaseAddress);
        client.Timeout = TimeSpan.FromSeconds(5);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited)
            {
                throw new BenchException($"the server exited with code {_process.ExitCode} during start-up:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/uws", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new BenchException($"the server did not answer GET /uws within 30 s:{Environment.NewLine}{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _outputLines);
        lock (_recentOutput)
        {
            _recentOutput.Enqueue(line);
            if (_recentOutput.Count > KeptOutputLines)
            {
                _recentOutput.Dequeue();
            }
        }
    }

    /// <summary>
    /// The .NET runtime settings (DOTNET_gcServer, DOTNET_GCgen0size...) in this environment, which reach the
    /// server: they are let through on purpose, to try a setting, and listed under the table when present.
    /// </summary>
    public static IEnumerable<string> RuntimeKnobs() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("DOTNET_gc", StringComparison.OrdinalIgnoreCase) || name.StartsWith("DOTNET_Tiered", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("DOTNET_TC_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("DOTNET_ReadyToRun", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}");

    private static bool IsServerSetting(string name) =>
        name.StartsWith("Meridian__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
