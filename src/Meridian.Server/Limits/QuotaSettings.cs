// SPDX-License-Identifier: MIT
using System.ComponentModel.DataAnnotations;

namespace Meridian.Server.Limits;

/// <summary>
/// Meridian:Quotas, per owner (every anonymous caller together counts as one owner), all services together.
/// Each limit is off (unlimited) when unset. Administrators are exempt.
/// </summary>
public sealed class QuotaSettings
{
    public const string Section = "Meridian:Quotas";

    /// <summary>Jobs PENDING, QUEUED, EXECUTING, HELD or SUSPENDED at once; one more is refused with 429.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxActiveJobs { get; set; }

    /// <summary>Jobs not yet destroyed, whatever their phase; one more is refused with 403.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxStoredJobs { get; set; }

    /// <summary>Bytes of the uploads and results of the owner's stored jobs; a creation that would pass it is refused with 413.</summary>
    [Range(0, long.MaxValue)]
    public long? MaxStoredBytes { get; set; }
}
