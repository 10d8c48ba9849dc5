// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Bench;

/// <summary>
/// The floor of a job server, as its own process (so that its CPU is measured as the server's is): a bare Kestrel
/// answering GET / with "ok" (the HTTP floor) and POST /run by doing what any job needs and no more: a fresh folder,
/// /bin/true started in it with its stdout and stderr piped to two files, waited for, and "COMPLETED" answered.
/// Nothing is stored, logged or checked: no server that keeps its jobs can do less per job.
/// </summary>
internal static class FloorServer
{
    public const string Mode = "floor-server";

    /// <summary>The child's side: serves until killed; the first line on stdout is its address.</summary>
    public static async Task<int> RunAsync(string root)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/", () => "ok");
        var next = 0;
        app.MapPost("/run", async (HttpContext context) =>
        {
            var folder = Path.Combine(root, Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            await using var stdout = new FileStream(Path.Combine(folder, "stdout.txt"), FileMode.Create, FileAccess.Write, FileShare.Read, 0, useAsync: true);
            await using var stderr = new FileStream(Path.Combine(folder, "stderr.txt"), FileMode.Create, FileAccess.Write, FileShare.Read, 0, useAsync: true);
            using var process = Process.Start(new ProcessStartInfo("/bin/true")
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new BenchException("/bin/true did not start");
            await Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr),
                process.WaitForExitAsync());
            return process.ExitCode == 0 ? Results.Text("COMPLETED") : Results.Text("ERROR", statusCode: 500);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Console.WriteLine(address);
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}

/// <summary>The bench's side of <see cref="FloorServer"/>: the child process, its address, its CPU.</summary>
internal sealed class FloorProcess : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _root;

    private FloorProcess(Process process, DirectoryInfo root, Uri address)
    {
        _process = process;
        _root = root;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public static async Task<FloorProcess> StartAsync(CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("meridian-bench-floor-");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(FloorServer).Assembly.Location);
        start.ArgumentList.Add(FloorServer.Mode);
        start.ArgumentList.Add(root.FullName);
        var process = Process.Start(start) ?? throw new BenchException("the floor server did not start");
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startup.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(startup.Token)
                ?? throw new BenchException("the floor server exited before listening");
            return new FloorProcess(process, root, new Uri(line));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            root.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Its CPU ticks, with those of the processes it waited for.</summary>
    public long CpuTicks() => CpuMeter.ProcessTicks(_process.Id, withChildren: true);

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It is gone already.
        }

        _process.Dispose();
        _root.Delete(recursive: true);
    }
}
