// SPDX-License-Identifier: MIT
using System.Diagnostics;

namespace Meridian.Server.Tests;

/// <summary>
/// A private PostgreSQL cluster of one test (initdb, pg_ctl), on its own port and folder, so that the test
/// may stop and restart it without disturbing the others. Needs Debian's postgresql package (./test.sh).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Password = "meridian-test";
    private readonly string _root;
    private readonly string _bin;

    private PostgresCluster(string root, string bin, int port)
    {
        _root = root;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password};Database=postgres;Timeout=3;Command Timeout=10";

    private string Data => Path.Combine(_root, "data");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("MERIDIAN_TEST_PG_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";
        Assert.True(File.Exists(Path.Combine(bin, "initdb")), $"PostgreSQL is not installed ({bin}/initdb): run the tests with ./test.sh");
        var root = Directory.CreateTempSubdirectory("meridian-pg-").FullName;
        var cluster = new PostgresCluster(root, bin, ServerProcess.FreePort());
        await File.WriteAllTextAsync(Path.Combine(root, "pw"), Password);
        await RunAsync("chown", "-R", "postgres", root);
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-A", "scram-sha-256", "--pwfile", Path.Combine(root, "pw"), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() =>
        PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_root, "log"), "-w", "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1", "start");

    /// <summary>Stops the server as an operator would for maintenance: running queries are cut off.</summary>
    public Task StopServerAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        catch (Xunit.Sdk.XunitException)
        {
            // Already stopped.
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task PgAsync(string program, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments]);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed: {await errors}{await output}");
    }
}
