// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests;

/// <summary>With a users file: a job's files can be used by reference by their owner only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileReferenceOwnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-reference-owner-").FullName;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly MeridianApplication _application;

    public FileReferenceOwnerTests()
    {
        var users = Path.Combine(_folder, "users.json");
        foreach (var name in new[] { "alice", "bob" })
        {
            var output = new StringWriter();
            Assert.Equal(0, UsersCommand.Run(["add", name, "--file", users], TextReader.Null, output, TextWriter.Null));
            _tokens[name] = output.ToString().Trim();
        }

        _application = new MeridianApplication(new Dictionary<string, string> { ["Meridian:Auth:UsersFile"] = users }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private UwsClient As(string user)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[user]);
        return new UwsClient(http);
    }

    [Fact]
    public async Task Create_Answers403WithTheReason_WhenTheReferencedJobIsAnotherUsers()
    {
        var alice = As("alice");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("secret\n"u8.ToArray()), "data", "secret.txt" },
            { new StringContent("RUN"), "PHASE" },
        };
        using var created = await alice.Http.PostAsync("/uws/upload", form);
        var source = created.Headers.Location!.ToString();
        await alice.WaitForEndAsync(source);

        using var refused = await As("bob").PostAsync("/uws/upload", ("data", source + "/parameters/data"));
        using var refusedResult = await As("bob").PostAsync("/uws/upload", ("data", source + "/results/count"));
        var own = await alice.CreateAsync("upload", ("data", source + "/results/count"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("belongs to another user", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedResult.StatusCode);
        Assert.Equal("1\n", await alice.GetTextAsync(own + "/parameters/data"));
    }
}
