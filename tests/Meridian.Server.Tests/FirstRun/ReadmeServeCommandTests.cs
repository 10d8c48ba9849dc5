// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Meridian.Server.Tests.FirstRun;

/// <summary>
/// What a newcomer does: a fresh copy of the repository, the README's serve command typed in its root with
/// nothing set beforehand, the services listed, a default job of one service run to COMPLETED. The command is
/// read from the README itself, so the two cannot drift apart.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ReadmeServeCommandTests
{
    // The address the README promises.
    private static readonly Uri Promised = new("http://127.0.0.1:8080/");

    [Fact]
    public async Task The_READMEs_serve_command_serves_the_example_services_from_a_fresh_copy()
    {
        var root = ExampleServicesApplication.RepositoryRoot();
        var command = ServeCommand(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        Assert.Equal("dotnet", command[0]);
        // Another server on the promised port would answer in the newcomer's place.
        Assert.False(await ListensAsync(Promised), $"something already listens on {Promised}: stop it, the README's command needs that port");

        using var copy = new Compliance.TempDirectory();
        await CopyTrackedFilesAsync(root, copy.Path);

        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = copy.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of this test run's own configuration reaches the newcomer's server, nor the test host's MSBuild.
        string[] inherited = ["Meridian__", "ASPNETCORE_", "DOTNET_HOST_PATH", "MSBuild", "MSBUILD"];
        foreach (var variable in start.Environment.Keys.Where(k => inherited.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var server = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, line) => { if (line.Data is not null) { log.Enqueue(line.Data); } };
        server.ErrorDataReceived += (_, line) => { if (line.Data is not null) { log.Enqueue(line.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = UwsClient.CreateHttp(Promised);
            await WaitUntilServingAsync(http, server, log);

            using var services = await http.GetAsync("/uws");
            var names = JsonDocument.Parse(await services.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                .Select(s => s.GetProperty("name").GetString()).ToList();
            Assert.Contains("hello", names);
            Assert.Contains("ud-visibility", names);

            var client = new UwsClient(http);
            var job = await client.CreateAsync("hello", ("PHASE", "RUN"));
            var document = await client.WaitForEndAsync(job, 60);
            Assert.Equal("COMPLETED", UwsClient.Phase(document));
            Assert.Equal("Hello, world!\n", await client.GetTextAsync(job + "/results/greeting"));

            // Its data is kept where the README says: ./data of the folder the command was typed in.
            Assert.True(Directory.Exists(Path.Combine(copy.Path, "data", "jobs", job.Split('/')[^1])), "the job's folder is not in ./data/jobs");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<bool> ListensAsync(Uri address)
    {
        using var probe = new System.Net.Sockets.TcpClient();
        try
        {
            await probe.ConnectAsync(address.Host, address.Port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>The first command of the README's "Two commands" block, without its comment, as argv.</summary>
    internal static IReadOnlyList<string> ServeCommand(string readme)
    {
        var section = readme[readme.IndexOf("## Two commands", StringComparison.Ordinal)..];
        var block = FencedBlock().Match(section);
        Assert.True(block.Success, "the README's \"Two commands\" section has no ```sh block");
        var line = block.Groups[1].Value.Split('\n').First(l => !string.IsNullOrWhiteSpace(l));
        var hash = line.IndexOf(" #", StringComparison.Ordinal);
        return (hash < 0 ? line : line[..hash]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task CopyTrackedFilesAsync(string root, string destination)
    {
        var listing = new ProcessStartInfo("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]) { RedirectStandardOutput = true };
        using var git = Process.Start(listing)!;
        var files = (await git.StandardOutput.ReadToEndAsync()).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        await git.WaitForExitAsync();
        Assert.Equal(0, git.ExitCode);
        foreach (var file in files.Where(f => File.Exists(Path.Combine(root, f))))
        {
            var target = Path.Combine(destination, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(root, file), target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(Path.Combine(root, file)));
        }
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Process server, IEnumerable<string> log)
    {
        // A first build of the server in the copy comes first: minutes on a loaded two-core machine.
        var deadline = DateTime.UtcNow.AddMinutes(6);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, $"the README's serve command exited with {(server.HasExited ? server.ExitCode : 0)}:\n{string.Join('\n', log)}");
            try
            {
                using var response = await http.GetAsync("/uws");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        Assert.Fail($"the README's serve command did not answer on {Promised} in 6 minutes:\n{string.Join('\n', log)}");
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
