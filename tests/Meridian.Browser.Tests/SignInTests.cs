// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meridian.Cli;
using Meridian.Cli.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Meridian.Browser.Tests;

/// <summary>A server with a users file (alice and bob, with passwords): the browser signs in to it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SignInBrowserServer : BrowserServer
{
    public const string AlicePassword = "alice's long passphrase";
    public const string BobPassword = "bob's other passphrase";

    public SignInBrowserServer()
        : base(new Dictionary<string, string> { ["Meridian:Auth:UsersFile"] = CreateUsersFile() })
    {
    }

    /// <summary>An API client that signs its requests with a user's name and password (Basic), as a script does.</summary>
    public HttpClient As(string user, string password)
    {
        var http = UwsClient.CreateHttp(Application.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    /// <summary>Opens the sign-in page in a fresh browser context and signs in.</summary>
    public async Task<IPage> SignedInPageAsync(string user, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/web/signin.html?return=jobs.html");
        await page.GetByLabel("Name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in when the page the sign-in returns to says so; a refused sign-in stays here with its reason.
        var arrived = ArrivesAtAsync(page, new Regex(@"/web/jobs\.html$"));
        var refused = page.Locator("#alert:not(:empty)").WaitForAsync();
        if (await Task.WhenAny(arrived, refused) == refused && refused.IsCompletedSuccessfully && !arrived.IsCompleted)
        {
            Assert.Fail($"signing in as {user} was refused: {await page.Locator("#alert").TextContentAsync()}");
        }

        await arrived;
        await Expect(page.Locator("#session")).ToContainTextAsync($"Signed in as {user}");
        return page;
    }

    private static string CreateUsersFile()
    {
        var users = Path.Combine(Directory.CreateTempSubdirectory("meridian-browser-users-").FullName, "users.json");
        Assert.Equal(0, UsersCommand.Run(["add", "alice", "--password-stdin", "--file", users], new StringReader(AlicePassword + "\n"), TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, UsersCommand.Run(["add", "bob", "--password-stdin", "--file", users], new StringReader(BobPassword + "\n"), TextWriter.Null, TextWriter.Null));
        return users;
    }
}

/// <summary>
/// Signing in and out from the browser: the session cookie makes the pages' requests the user's own, and a
/// change sent with the cookie but without this server's anti-forgery token (another site's form) is refused.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SignInTests(SignInBrowserServer server) : IClassFixture<SignInBrowserServer>
{
    [Fact]
    public async Task SignedInUser_CreatesAJobAndSeesIt_AnotherUserDoesNot_AndSigningOutEndsTheSession()
    {
        var alice = await server.SignedInPageAsync("alice", SignInBrowserServer.AlicePassword);
        await alice.GotoAsync("/web/form.html?service=hello");
        await alice.GetByLabel("name").FillAsync("Signed In");
        await alice.GetByRole(AriaRole.Button, new() { Name = "Run job" }).ClickAsync();
        await Expect(alice.Locator("#phase")).ToContainTextAsync("COMPLETED");
        var id = BrowserServer.JobIdOf(alice);
        await alice.GotoAsync("/web/jobs.html");
        await Expect(alice.Locator($"tr[data-job='{id}']")).ToHaveCountAsync(1);
        await BrowserServer.AssertAccessibleAsync(alice);
        using var aliceApi = server.As("alice", SignInBrowserServer.AlicePassword);
        Assert.Equal("alice", (await aliceApi.GetStringAsync($"/uws/hello/{id}/owner")).Trim());

        var bob = await server.SignedInPageAsync("bob", SignInBrowserServer.BobPassword);
        await Expect(bob.Locator("#jobs tbody tr")).ToHaveCountAsync(0);
        await bob.GotoAsync($"/web/job.html?service=hello&id={id}");
        await Expect(bob.Locator("#alert")).ToContainTextAsync($"Job '{id}' belongs to another user");
        await Expect(bob.Locator("#content")).Not.ToContainTextAsync("Hello,");

        await alice.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await BrowserServer.ArrivesAtAsync(alice, new Regex(@"/web/signin\.html$"));
        await Expect(alice.Locator("#session")).ToHaveTextAsync("Not signed in");
        await alice.GotoAsync($"/web/job.html?service=hello&id={id}");
        await Expect(alice.Locator("#alert")).ToContainTextAsync("You are not signed in");
        await BrowserServer.ScreenshotAsync(alice, "signed-out");
        Assert.Empty(server.PageErrors);
    }

    [Fact]
    public async Task SignIn_ShowsTheReason_WhenThePasswordIsWrong()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/signin.html");
        await page.GetByLabel("Name").FillAsync("alice");
        await page.GetByLabel("Password").FillAsync("not her password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.Locator("#alert")).ToHaveTextAsync("The name or the password is not right.");
        await BrowserServer.AssertAccessibleAsync(page);
        var cookies = await page.Context.CookiesAsync();
        Assert.DoesNotContain(cookies, c => c.Name == "meridian-session");
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        var page = await server.SignedInPageAsync("alice", SignInBrowserServer.AlicePassword);

        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "meridian-session");
        Assert.True(session.HttpOnly, "a script on the page must not read the session");
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.False(await page.EvaluateAsync<bool>("() => document.cookie.includes('meridian-session')"));
    }

    [Fact]
    public async Task ForgedFormPost_FromAnotherOrigin_IsRefused_AndCreatesNoJob()
    {
        var page = await server.SignedInPageAsync("bob", SignInBrowserServer.BobPassword);
        using var bobApi = server.As("bob", SignInBrowserServer.BobPassword);
        var before = await Jobs.CountAsync(bobApi, "service=hello");
        // Another origin of the same site (127.0.0.1, another port): the browser sends the SameSite=Strict cookie with its form.
        await using var attacker = await AttackerSite.StartAsync(new Uri(server.Application.BaseAddress, "/uws/hello"));

        await page.GotoAsync(attacker.Address.ToString());
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Win a prize" }).ClickAsync(),
            response => response.Url.EndsWith("/uws/hello", StringComparison.Ordinal));

        Assert.Equal((int)HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("anti-forgery token", await answer.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await Jobs.CountAsync(bobApi, "service=hello"));
    }

    [Fact]
    public async Task ChangeWithTheCookieButWithoutTheToken_IsRefused_WhileTheSameWithTheTokenIsAccepted()
    {
        var page = await server.SignedInPageAsync("alice", SignInBrowserServer.AlicePassword);

        var refused = await page.EvaluateAsync<JsonElement>(
            "async () => { const r = await fetch('/uws/hello', { method: 'POST', body: new URLSearchParams({ PHASE: 'RUN' }) }); return { status: r.status, text: await r.text() }; }");
        var signOut = await page.EvaluateAsync<int>("async () => (await fetch('/api/session', { method: 'DELETE' })).status");
        var accepted = await page.EvaluateAsync<int>("""
            async () => {
              const { antiforgeryToken } = await (await fetch('/api/session')).json();
              const r = await fetch('/uws/hello', { method: 'POST', body: new URLSearchParams({ PHASE: 'RUN' }), headers: { 'X-CSRF-Token': antiforgeryToken } });
              return r.status;
            }
            """);

        Assert.Equal(403, refused.GetProperty("status").GetInt32());
        Assert.Contains("X-CSRF-Token", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(403, signOut);
        Assert.Equal(200, accepted);
    }

    [Fact]
    public async Task SignIn_WithAValidTokenButAWrongBody_IsA4xxWithTheReason_NeverA500()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/web/signin.html");

        var answers = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const { antiforgeryToken } = await (await fetch('../api/session')).json();
              const send = async (body, type) => {
                const headers = { 'X-CSRF-Token': antiforgeryToken };
                if (type) headers['Content-Type'] = type;
                const r = await fetch('../api/session', { method: 'POST', body, headers });
                return { status: r.status, text: await r.text() };
              };
              return [
                await send(JSON.stringify({ name: 'alice', password: 'x' }), 'application/json'),
                await send(undefined, undefined),
                await send('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nalice', 'multipart/form-data; boundary=b'),
                await send(new URLSearchParams({ name: 'alice' }), undefined),
              ];
            }
            """);

        var statuses = answers.EnumerateArray().Select(a => a.GetProperty("status").GetInt32()).ToList();
        // JSON and an empty body with no form type are not forms (415); a broken form or a missing password is a 400.
        Assert.Equal([415, 415, 400, 400], statuses);
        Assert.All(answers.EnumerateArray(), a => Assert.False(string.IsNullOrWhiteSpace(a.GetProperty("text").GetString())));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "meridian-session");
    }

    /// <summary>A page on another port with a form that posts to the server's job list, as a hostile site would.</summary>
    private sealed class AttackerSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private AttackerSite(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<AttackerSite> StartAsync(Uri target)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var html = $"""
                <!doctype html><html lang="en"><head><title>Prizes</title></head><body>
                <form method="post" action="{target}"><input type="hidden" name="PHASE" value="RUN"><button>Win a prize</button></form>
                </body></html>
                """;
            app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new AttackerSite(app, new Uri(address + "/"));
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
