// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Meridian.Server.Tests;

/// <summary>A broken service definition stops the server before it listens, saying where and why.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("meridian-startup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Server_ExitsWithFileLineAndReason_WhenADefinitionIsBroken()
    {
        var services = Directory.CreateDirectory(Path.Combine(_root, "services")).FullName;
        var broken = Path.Combine(services, "broken.yaml");
        await File.WriteAllTextAsync(broken, """
            name: broken
            title: Broken
            command: "python3 model.py --theta {theta}"
            parameters:
              theta: {type: real, requried: true}
            """);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "meridian-server.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ServerProcess.FreePort()}";
        start.Environment["Meridian__DataDirectory"] = Path.Combine(_root, "data");
        start.Environment["Meridian__ServicesDirectory"] = services;
        using var server = Process.Start(start)!;
        var errors = server.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, server.ExitCode);
        var text = await errors;
        Assert.Contains($"{broken}:5: parameter 'theta': unknown key 'requried'", text);
        Assert.Contains($"{broken}:3: command must be a non-empty list", text);
    }
}
