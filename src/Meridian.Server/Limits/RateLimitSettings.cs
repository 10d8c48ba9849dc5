// SPDX-License-Identifier: MIT
using System.ComponentModel.DataAnnotations;

namespace Meridian.Server.Limits;

/// <summary>
/// Meridian:RateLimit. Requests per client (the signed-in user, otherwise the client's address) in each
/// minute; off when unset.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "Meridian:RateLimit";

    [Range(1, int.MaxValue)]
    public int? PermitsPerMinute { get; set; }
}
