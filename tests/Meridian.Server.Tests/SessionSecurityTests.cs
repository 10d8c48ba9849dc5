// SPDX-License-Identifier: MIT
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Cli;
using Meridian.Cli.Users;

namespace Meridian.Server.Tests;

/// <summary>
/// The browser's session and password sign-in under attack: sign-out ends the session for every copy of its
/// cookie, /sync needs the anti-forgery token with the cookie, failed passwords are limited per user and per
/// address (429 with Retry-After), and a malformed sign-in body is a 4xx.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SessionSecurityTests : IDisposable
{
    private const string Password = "correct horse battery";
    private const int MaxFailures = 5;
    private readonly string _folder = Directory.CreateTempSubdirectory("meridian-session-").FullName;
    private readonly MeridianApplication _app;

    public SessionSecurityTests()
    {
        var users = Path.Combine(_folder, "users.json");
        foreach (var name in new[] { "alice", "bob" })
        {
            Assert.Equal(0, UsersCommand.Run(["add", name, "--file", users, "--password-stdin"], new StringReader(Password + "\n"), TextWriter.Null, TextWriter.Null));
        }

        _app = new MeridianApplication(new Dictionary<string, string>
        {
            ["Meridian:Auth:UsersFile"] = users,
            ["Meridian:Auth:MaxFailedSignIns"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, null);
    }

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_EvenForACopyOfItsCookie()
    {
        var (browser, cookies, token) = await SignInAsync("alice");
        var copied = cookies.GetCookieHeader(_app.BaseAddress);
        Assert.Equal("alice", await WhoAsync(copied));

        using (var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session"))
        {
            signOut.Headers.Add("X-CSRF-Token", token);
            using var response = await browser.SendAsync(signOut);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Null(await WhoAsync(copied));
        browser.Dispose();
    }

    [Fact]
    public async Task SyncGet_WithTheSessionCookie_NeedsTheAntiforgeryToken()
    {
        var (browser, _, token) = await SignInAsync("alice");

        using var forged = await browser.GetAsync("/sync/echo?text=forged");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sync/echo?text=mine");
        request.Headers.Add("X-CSRF-Token", token);
        using var genuine = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        browser.Dispose();
    }

    [Fact]
    public async Task WrongBasicPasswords_AreLimitedPerUser_BeforeAnyHashing()
    {
        for (var attempt = 0; attempt < MaxFailures; attempt++)
        {
            using var wrong = await BasicAsync("alice", "not it " + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await BasicAsync("alice", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a throttled sign-in says when to try again");
        using var browserSignIn = await PostSignInAsync("alice", Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, browserSignIn.StatusCode);
    }

    [Fact]
    public async Task WrongPasswords_AreLimitedPerAddress_WhateverNamesTheyTry()
    {
        for (var attempt = 0; attempt < MaxFailures; attempt++)
        {
            using var wrong = await BasicAsync($"guess{attempt}", "not it");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await BasicAsync("bob", "still not it");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("application/json", "{\"name\":\"alice\",\"password\":\"x\"}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "", HttpStatusCode.BadRequest)]
    [InlineData("multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nalice", HttpStatusCode.BadRequest)]
    [InlineData("text/plain", "", HttpStatusCode.UnsupportedMediaType)]
    public async Task SignIn_AnswersA4xx_WhenTheBodyIsNotAForm(string contentType, string body, HttpStatusCode expected)
    {
        var (browser, token) = await AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-CSRF-Token", token);

        using var response = await browser.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        browser.Dispose();
    }

    private async Task<HttpResponseMessage> BasicAsync(string user, string password)
    {
        using var http = UwsClient.CreateHttp(_app.BaseAddress);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await http.GetAsync("/uws/echo");
    }

    private async Task<HttpResponseMessage> PostSignInAsync(string user, string password)
    {
        var (browser, token) = await AntiforgeryAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = new FormUrlEncodedContent([new("name", user), new("password", password)]),
        };
        request.Headers.Add("X-CSRF-Token", token);
        var response = await browser.SendAsync(request);
        browser.Dispose();
        return response;
    }

    private async Task<(HttpClient Browser, CookieContainer Cookies, string Token)> SignInAsync(string user)
    {
        var cookies = new CookieContainer();
        var browser = Browser(cookies);
        var token = await TokenAsync(browser);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session")
        {
            Content = new FormUrlEncodedContent([new("name", user), new("password", Password)]),
        };
        request.Headers.Add("X-CSRF-Token", token);
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (browser, cookies, await TokenAsync(browser));
    }

    private async Task<(HttpClient Browser, string Token)> AntiforgeryAsync()
    {
        var browser = Browser(new CookieContainer());
        return (browser, await TokenAsync(browser));
    }

    private HttpClient Browser(CookieContainer cookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies }) { BaseAddress = _app.BaseAddress };

    private static async Task<string> TokenAsync(HttpClient browser)
    {
        using var document = JsonDocument.Parse(await browser.GetStringAsync("/api/session"));
        return document.RootElement.GetProperty("antiforgeryToken").GetString()!;
    }

    /// <summary>Who /api/session says is signed in, for a request carrying only these cookies.</summary>
    private async Task<string?> WhoAsync(string cookieHeader)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        using var response = await http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("user").GetString();
    }
}
