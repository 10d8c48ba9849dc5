// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Meridian.Server.Http;
using Meridian.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Auth;

/// <summary>
/// /api/session: the browser's sign-in (POST name and password, checked against the users file), sign-out
/// (DELETE) and who is signed in (GET, with the anti-forgery token the pages send back on every change).
/// </summary>
public static class SessionEndpoints
{
    public const string Path = "/api/session";

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Describe);
        app.MapPost(Path, SignInAsync);
        // A Delegate, so that the result is written (a handler taking only HttpContext would be a RequestDelegate).
        app.MapDelete(Path, (Delegate)SignOutAsync);
        return app;
    }

    public static IResult Describe(HttpContext context, Caller caller, IAntiforgery antiforgery, IOptions<AuthSettings> settings) =>
        Results.Json(new
        {
            signIn = !string.IsNullOrEmpty(settings.Value.UsersFile),
            user = caller.OwnerId,
            admin = caller.IsAdmin,
            antiforgeryToken = antiforgery.GetAndStoreTokens(context).RequestToken,
        }, JsonSerializerOptions.Web);

    public static async Task<IResult> SignInAsync(HttpContext context, UserDirectory users, SignInThrottle throttle, IOptions<AuthSettings> settings)
    {
        if (string.IsNullOrEmpty(settings.Value.UsersFile))
        {
            return PlainText.NotFound("Signing in with a password needs a users file (Meridian:Auth:UsersFile).");
        }

        var (name, password, problem) = await ReadCredentialsAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var address = context.Connection.RemoteIpAddress?.ToString();
        if (throttle.RetryAfter(name, address) is { } wait)
        {
            var throttled = new SignInThrottledException(wait);
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return PlainText.Status(StatusCodes.Status429TooManyRequests, throttled.Message);
        }

        var user = users.SignIn(name, password);
        if (user is null)
        {
            throttle.RecordFailure(name, address);
            return PlainText.Status(StatusCodes.Status401Unauthorized, "The name or the password is not right.");
        }

        throttle.RecordSuccess(user.Name);
        List<Claim> claims = [new(ClaimTypes.Name, user.Name), new(SessionRevocations.ClaimType, SessionRevocations.NewId())];
        if (user.Admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, CallerScheme.AdminRole));
        }

        await context.SignInAsync(SessionScheme.Name, new ClaimsPrincipal(new ClaimsIdentity(claims, SessionScheme.Name)));
        return Results.NoContent();
    }

    /// <summary>Signing out ends the session here too: its cookie, even a copy of it, proves nothing afterwards.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync(SessionScheme.Name);
        if (session.Principal?.FindFirst(SessionRevocations.ClaimType)?.Value is { } sessionId)
        {
            context.RequestServices.GetRequiredService<SessionRevocations>().Revoke(sessionId);
        }

        await context.SignOutAsync(SessionScheme.Name);
        return Results.NoContent();
    }

    /// <summary>The form's name and password, or the 4xx telling what is wrong with the body.</summary>
    private static async Task<(string Name, string Password, IResult? Problem)> ReadCredentialsAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return ("", "", PlainText.Status(StatusCodes.Status415UnsupportedMediaType,
                "Send name and password as application/x-www-form-urlencoded (or multipart/form-data)."));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException || (exception is IOException && !context.RequestAborted.IsCancellationRequested))
        {
            return ("", "", PlainText.BadRequest($"Malformed form body: {exception.Message}"));
        }

        var name = form["name"].ToString();
        var password = form["password"].ToString();
        return name.Length == 0 || password.Length == 0
            ? ("", "", PlainText.BadRequest("Both name and password are needed to sign in."))
            : (name, password, null);
    }
}
