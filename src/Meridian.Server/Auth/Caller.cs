// SPDX-License-Identifier: MIT
using System.Reflection;

namespace Meridian.Server.Auth;

/// <summary>
/// Who is asking: the owner id recorded on the jobs a request creates and required of the jobs it reads.
/// With no authentication configured every caller is anonymous (a null owner), as UWS says for ownerId. An
/// administrator reads every job, whoever owns it. A handler takes it as a parameter (bound from the request's user).
/// </summary>
public sealed record Caller(string? OwnerId, bool IsAdmin)
{
    public static Caller Of(HttpContext context) => new(
        context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : null,
        context.User.IsInRole(CallerScheme.AdminRole));

    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<Caller?>(Of(context));

    /// <summary>Whether this caller may see and change a job of that owner.</summary>
    public bool MayUse(string? jobOwner) => IsAdmin || jobOwner == OwnerId;
}
