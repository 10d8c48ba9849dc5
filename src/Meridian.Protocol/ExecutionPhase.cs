// SPDX-License-Identifier: MIT
namespace Meridian.Protocol;

/// <summary>The ten UWS 1.1 execution phases, spelled as the standard spells them (§2.1.3).</summary>
public enum ExecutionPhase
{
    PENDING,
    QUEUED,
    EXECUTING,
    COMPLETED,
    ERROR,
    ABORTED,
    UNKNOWN,
    HELD,
    SUSPENDED,
    ARCHIVED,
}
