// SPDX-License-Identifier: MIT
using System.Security.Claims;
using System.Text.Json;
using Meridian.Engine.Users;
using Meridian.Server.Api;
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

    public static IResult Describe(HttpContext context, IAntiforgery antiforgery, IOptions<AuthSettings> settings) =>
        Results.Json(new
        {
            signIn = !string.IsNullOrEmpty(settings.Value.UsersFile),
            user = OwnerResolver.OwnerOf(context),
            admin = OwnerResolver.IsAdmin(context),
            antiforgeryToken = antiforgery.GetAndStoreTokens(context).RequestToken,
        }, JsonSerializerOptions.Web);

    public static async Task<IResult> SignInAsync(HttpContext context, UserDirectory users, IOptions<AuthSettings> settings)
    {
        if (string.IsNullOrEmpty(settings.Value.UsersFile))
        {
            return PlainText.NotFound("Signing in with a password needs a users file (Meridian:Auth:UsersFile).");
        }

        // The same reading as a UWS POST: another content type is a 415, a broken body a 400, never a 500.
        var (fields, _) = await RequestForms.ReadAsync(context.Request, context.RequestAborted);
        var name = fields.FirstOrDefault(f => f.Name == "name")?.Value;
        var password = fields.FirstOrDefault(f => f.Name == "password")?.Value;
        if (string.IsNullOrEmpty(name) || password is null)
        {
            return PlainText.BadRequest("Send the fields name and password (application/x-www-form-urlencoded or multipart/form-data).");
        }

        var user = users.SignIn(name, password);
        if (user is null)
        {
            return PlainText.Status(StatusCodes.Status401Unauthorized, "The name or the password is not right.");
        }

        List<Claim> claims = [new(ClaimTypes.Name, user.Name)];
        if (user.Admin)
        {
            claims.Add(new Claim(ClaimTypes.Role, CallerScheme.AdminRole));
        }

        await context.SignInAsync(SessionScheme.Name, new ClaimsPrincipal(new ClaimsIdentity(claims, SessionScheme.Name)));
        return Results.NoContent();
    }

    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(SessionScheme.Name);
        return Results.NoContent();
    }
}
