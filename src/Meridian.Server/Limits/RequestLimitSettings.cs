// SPDX-License-Identifier: MIT
using System.ComponentModel.DataAnnotations;

namespace Meridian.Server.Limits;

/// <summary>Limits on one request, bound from the Meridian section (Meridian:MaxRequestBytes is in MeridianOptions).</summary>
public sealed class RequestLimitSettings
{
    /// <summary>The most form fields and files in one request; more is refused with 413.</summary>
    [Range(1, 1_000_000)]
    public int MaxParameters { get; set; } = 1000;
}
