// SPDX-License-Identifier: MIT
namespace Meridian.Server.Auth;

/// <summary>
/// Who is asking: the owner id recorded on the jobs a request creates and required of the jobs it reads.
/// With no authentication configured every caller is anonymous (null), as UWS says for ownerId. An
/// administrator reads every job, whoever owns it.
/// </summary>
public static class OwnerResolver
{
    public static string? OwnerOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null;

    public static bool IsAdmin(HttpContext context) => context.User.IsInRole(CallerScheme.AdminRole);
}
