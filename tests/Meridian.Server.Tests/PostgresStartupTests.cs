// SPDX-License-Identifier: MIT

namespace Meridian.Server.Tests;

/// <summary>A PostgreSQL store that cannot be used stops the server before it listens: one line on stderr, exit code 3.</summary>
public sealed class PostgresStartupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("meridian-pg-startup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Server_ExitsWithCode3AndOneLineNamingTheServer_WhenPostgresIsUnreachable()
    {
        var port = ServerProcess.FreePort();

        var (exitCode, errors) = await RunServerAsync($"Host=127.0.0.1;Port={port};Username=meridian;Password=secret;Database=uws");

        Assert.Equal(3, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"meridian-server: cannot connect to PostgreSQL at 127.0.0.1:{port}, database uws: ", line);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", line);
    }

    [Fact]
    public async Task Server_ExitsWithCode3NamingTheSetting_WhenTheConnectionStringIsMissing()
    {
        var (exitCode, errors) = await RunServerAsync(connectionString: null);

        Assert.Equal(3, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Meridian__Store__ConnectionString", line);
    }

    private Task<(int ExitCode, string Errors)> RunServerAsync(string? connectionString)
    {
        var settings = new Dictionary<string, string> { ["Meridian__Store__Provider"] = "postgres" };
        if (connectionString is not null)
        {
            settings["Meridian__Store__ConnectionString"] = connectionString;
        }

        return ServerProcess.RunUntilExitAsync(Path.Combine(_root, "data"), settings);
    }
}
