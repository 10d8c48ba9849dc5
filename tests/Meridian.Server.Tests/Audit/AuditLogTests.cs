// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Cli;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Audit;

/// <summary>
/// The audit log (category Meridian.Audit) of a real server process with JSON console logging: who created,
/// ran, aborted and deleted which job, from where; and no password or token anywhere in the output.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AuditLogTests : IDisposable
{
    private const string AlicePassword = "audit-test correct horse";
    private readonly string _data = Directory.CreateTempSubdirectory("meridian-audit-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp cleaner.
        }
    }

    [Fact]
    public async Task AuditLog_NamesWhoDidWhatToWhichJob_AndNeverTheCredentials()
    {
        var users = Path.Combine(_data, "users.json");
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--password-stdin", "--file", users], new StringReader(AlicePassword + "\n"), TextWriter.Null, TextWriter.Null));
        var output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", "bob", "--file", users], TextReader.Null, output, TextWriter.Null));
        var bobToken = output.ToString().Trim();
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"alice:{AlicePassword}"));

        using var node = await ServerProcess.StartAsync(_data, new Dictionary<string, string> { ["Auth__UsersFile"] = users },
            environment: new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });
        using var aliceHttp = UwsClient.CreateHttp(node.BaseAddress);
        aliceHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var bobHttp = UwsClient.CreateHttp(node.BaseAddress);
        bobHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bobToken);
        var alice = new UwsClient(aliceHttp);
        var bob = new UwsClient(bobHttp);

        var aborted = await alice.CreateAsync("sleep");
        using (var abort = await alice.PostAsync(aborted + "/phase", ("PHASE", "ABORT")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, abort.StatusCode);
        }

        var deleted = await bob.CreateAsync("echo", ("PHASE", "RUN"));
        using (var delete = await bobHttp.DeleteAsync(deleted))
        {
            Assert.Equal(HttpStatusCode.SeeOther, delete.StatusCode);
        }

        // Someone else's job is not found, so nothing happened and nothing is audited.
        using (var foreign = await alice.PostAsync(deleted + "/phase", ("PHASE", "ABORT")))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var expected = new[]
        {
            ("alice", "created", Id(aborted), "sleep"), ("alice", "aborted", Id(aborted), "sleep"),
            ("bob", "created", Id(deleted), "echo"), ("bob", "ran", Id(deleted), "echo"), ("bob", "deleted", Id(deleted), "echo"),
        };
        var audit = await AuditLinesAsync(node, expected.Length);

        Assert.Equal(expected, audit.Select(e => (Field(e, "User"), Field(e, "Action"), Field(e, "JobId"), Field(e, "Service"))).ToArray());
        Assert.All(audit, e => Assert.Equal("127.0.0.1", Field(e, "Address")));
        var everything = string.Join("\n", node.Output);
        Assert.DoesNotContain(AlicePassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(bobToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", everything, StringComparison.OrdinalIgnoreCase);
    }

    private static string Id(string jobUrl) => jobUrl[(jobUrl.LastIndexOf('/') + 1)..];

    private static string Field(JsonElement entry, string name) => entry.GetProperty("State").GetProperty(name).GetString() ?? "";

    private static async Task<List<JsonElement>> AuditLinesAsync(ServerProcess node, int count)
    {
        // The server writes each line before it answers; the pipe may deliver it a moment later.
        List<JsonElement> audit = [];
        for (var i = 0; i < 100; i++)
        {
            audit = node.Output.Select(line => JsonDocument.Parse(line).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == "Meridian.Audit").ToList();
            if (audit.Count >= count)
            {
                break;
            }

            await Task.Delay(50);
        }

        return audit;
    }
}
