// SPDX-License-Identifier: MIT

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

        var (exitCode, text) = await ServerProcess.RunUntilExitAsync(
            Path.Combine(_root, "data"), new Dictionary<string, string> { ["Meridian__ServicesDirectory"] = services });

        Assert.Equal(2, exitCode);
        Assert.Contains($"{broken}:5: parameter 'theta': unknown key 'requried'", text);
        Assert.Contains($"{broken}:3: command must be a non-empty list", text);
    }
}
