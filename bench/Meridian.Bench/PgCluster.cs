// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Meridian.Bench;

/// <summary>
/// A private PostgreSQL 15 cluster in a temporary folder, as test.sh starts one: initdb as the postgres user
/// (runuser when the bench runs as root), settings in postgresql.conf (fsync off: a bench, not a store to
/// keep), a free port on 127.0.0.1. pg_ctl is started through setsid with every inherited descriptor above 2
/// closed, so that the postmaster neither holds a lock the bench was started under nor gets the terminal's
/// Ctrl-C. Disposing it stops the cluster (immediate mode) and deletes the folder.
/// </summary>
internal sealed class PgCluster : IDisposable
{
    public const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Database = "meridian_bench";
    private readonly string _folder;
    private bool _started;

    private PgCluster(string folder) => _folder = folder;

    public string ConnectionString { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>The postmaster's pid (first line of postmaster.pid), whose children are the backends.</summary>
    public int PostmasterPid { get; private set; }

    public static readonly string[] Settings =
        ["listen_addresses = '127.0.0.1'", "max_connections = 200", "fsync = off", "synchronous_commit = off", "full_page_writes = off"];

    public static async Task<PgCluster> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new BenchException($"{Bin}/initdb is missing: PostgreSQL 15 is needed (apt-get install postgresql)");
        }

        var folder = Directory.CreateTempSubdirectory("meridian-bench-pg-").FullName;
        var cluster = new PgCluster(folder);
        try
        {
            await cluster.InitAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(Path.Combine(_folder, "pw"), password + "\n");
        if (IsRoot)
        {
            await RunAsync($"chown -R postgres '{_folder}'", cancellationToken);
        }

        await RunAsync(AsPostgres($"{Bin}/initdb -D '{_folder}/data' -A scram-sha-256 --pwfile='{_folder}/pw' -U postgres -E UTF8 --locale=C.UTF-8"), cancellationToken);
        File.Delete(Path.Combine(_folder, "pw"));
        var conf = Path.Combine(_folder, "data", "postgresql.conf");
        File.AppendAllLines(conf, [.. Settings, $"unix_socket_directories = '{_folder}'"]);

        for (var attempt = 0; attempt < 5 && !_started; attempt++)
        {
            var port = FreePort();
            File.AppendAllLines(conf, [$"port = {port}"]); // the last setting wins
            // A new session (no Ctrl-C from the terminal), every descriptor above 2 closed (no inherited lock).
            var start = "for fd in $(ls /proc/$$/fd); do if [ \"$fd\" -gt 2 ]; then eval \"exec $fd>&-\"; fi; done 2>/dev/null; "
                + $"exec {AsPostgres($"{Bin}/pg_ctl -D '{_folder}/data' -l '{_folder}/log' -w -t 30 start")} >'{_folder}/pg_ctl.out' 2>&1";
            _started = await RunAsync($"setsid bash -c {Quote(start)}", cancellationToken, throwOnFailure: false) == 0;
            if (_started)
            {
                Port = port;
            }
        }

        if (!_started)
        {
            throw new BenchException($"PostgreSQL did not start:{Environment.NewLine}{ReadOrEmpty("log")}{ReadOrEmpty("pg_ctl.out")}");
        }

        PostmasterPid = int.Parse(File.ReadLines(Path.Combine(_folder, "data", "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var server = $"Host=127.0.0.1;Port={Port};Username=postgres;Password={password}";
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        ConnectionString = $"{server};Database={Database}";
    }

    public string ServerVersion()
    {
        using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }

    public void Dispose()
    {
        if (_started)
        {
            try
            {
                RunAsync(AsPostgres($"{Bin}/pg_ctl -D '{_folder}/data' -m immediate -w -t 30 stop") + " >/dev/null 2>&1", CancellationToken.None, throwOnFailure: false)
                    .GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is BenchException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"bench: stopping PostgreSQL: {exception.Message}");
            }

            // pg_ctl failed? Then the postmaster goes the hard way.
            if (PostmasterPid > 0 && Directory.Exists($"/proc/{PostmasterPid}"))
            {
                try
                {
                    using var postmaster = Process.GetProcessById(PostmasterPid);
                    postmaster.Kill();
                    postmaster.WaitForExit(TimeSpan.FromSeconds(10));
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // Gone meanwhile.
                }
            }

            _started = false;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bench: could not delete {_folder}: {exception.Message}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string AsPostgres(string command) => IsRoot ? $"runuser -u postgres -- {command}" : command;

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string ReadOrEmpty(string name)
    {
        var path = Path.Combine(_folder, name);
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }

    private static async Task<int> RunAsync(string script, CancellationToken cancellationToken, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new BenchException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // Not cancelled midway: a half-started cluster would be left behind.
        await process.WaitForExitAsync(CancellationToken.None);
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new BenchException($"`{script}` exited with {process.ExitCode}: {await output}{await error}");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
