// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests.Auth;

/// <summary>
/// Who may use a service's resources, decided by the policy on the /uws and /sync route groups: signed-in callers,
/// or anyone for an anonymous service; a name no service has tells an anonymous caller nothing; credentials that
/// prove nothing are refused on paths of no service too.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServiceAccessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-access-").FullName;
    private readonly string _bobToken;
    private readonly MeridianApplication _application;

    public ServiceAccessTests()
    {
        var users = Path.Combine(_folder, "users.json");
        var output = new StringWriter();
        Assert.Equal(0, UsersCommand.Run(["add", "bob", "--file", users], TextReader.Null, output, TextWriter.Null));
        _bobToken = output.ToString().Trim();
        _application = new MeridianApplication(new Dictionary<string, string> { ["Meridian:Auth:UsersFile"] = users }, null);
    }

    public void Dispose()
    {
        _application.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private HttpClient As(string? token)
    {
        var http = UwsClient.CreateHttp(_application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task AnUnknownService_AsksAnAnonymousCallerToSignIn_AndTellsASignedInOneWhatIsOffered()
    {
        using var anonymous = As(null);
        using var bob = As(_bobToken);

        using var hidden = await anonymous.GetAsync("/uws/no-such-service");
        using var told = await bob.GetAsync("/uws/no-such-service");

        Assert.Equal(HttpStatusCode.Unauthorized, hidden.StatusCode);
        Assert.DoesNotContain("echo", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, told.StatusCode);
        Assert.Contains("No service is named 'no-such-service'", await told.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("echo", await told.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousServicesJob_IsReadAndControlledWithoutCredentials()
    {
        using var anonymous = As(null);
        var job = await new UwsClient(anonymous).CreateAsync("fail");

        using var phase = await anonymous.GetAsync($"{job}/phase");
        using var run = await anonymous.PostAsync($"{job}/phase", new FormUrlEncodedContent([new("PHASE", "RUN")]));

        Assert.Equal(HttpStatusCode.OK, phase.StatusCode);
        Assert.Equal("PENDING", (await phase.Content.ReadAsStringAsync()).Trim());
        Assert.Equal(HttpStatusCode.SeeOther, run.StatusCode);
    }

    [Fact]
    public async Task AJobAndASynchronousRun_OfAServiceThatIsNotAnonymous_AskForASignIn()
    {
        using var anonymous = As(null);
        using var bob = As(_bobToken);
        var job = await new UwsClient(bob).CreateAsync("echo");

        using var read = await anonymous.GetAsync(job);
        using var results = await anonymous.GetAsync($"{job}/results");
        using var sync = await anonymous.GetAsync("/sync/echo?text=hello");

        foreach (var response in new[] { read, results, sync })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Basic realm=\"Meridian\", Bearer realm=\"Meridian\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains("Sign in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APagesScript_IsOfferedABearerChallenge_SoTheBrowserShowsNoPasswordDialog()
    {
        using var anonymous = As(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/uws/echo");
        request.Headers.Add("Sec-Fetch-Mode", "cors");

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"Meridian\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("/availability")]
    [InlineData("/api/phases")]
    [InlineData("/describe/echo")]
    public async Task CredentialsThatProveNothing_AreRefused_OnPathsOfNoJob(string path)
    {
        using var forged = As("mrd_forged-token");
        using var anonymous = As(null);

        using var refused = await forged.GetAsync(path);
        using var open = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("The Bearer credentials are not valid.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}
