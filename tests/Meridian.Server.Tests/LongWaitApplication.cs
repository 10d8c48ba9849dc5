// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests;

/// <summary>
/// The test server with the default two-minute WAIT cap instead of the test host's three seconds, so that a
/// test of a prompt answer can give it a generous bound and still tell it from a wait that ran to its end.
/// </summary>
public sealed class LongWaitApplication : IDisposable
{
    public const int MaxWaitSeconds = 120;

    public LongWaitApplication() =>
        Application = new MeridianApplication(new Dictionary<string, string> { ["Meridian:MaxWaitSeconds"] = $"{MaxWaitSeconds}" }, null);

    public MeridianApplication Application { get; }

    public void Dispose() => Application.Dispose();
}
