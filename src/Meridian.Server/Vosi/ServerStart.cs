// SPDX-License-Identifier: MIT
namespace Meridian.Server.Vosi;

/// <summary>When this server started serving: VOSI's upSince. Created as the endpoints are mapped, just before it listens.</summary>
public sealed class ServerStart(TimeProvider time)
{
    public DateTimeOffset At { get; } = time.GetUtcNow();
}
