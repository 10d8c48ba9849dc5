// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests.Logging;

/// <summary>A test of the console log: the stdout and stderr it writes to, recorded, and released after the test.</summary>
public abstract class ConsoleStreamsTest : IDisposable
{
    protected RecordingStream Stdout { get; } = new();

    protected RecordingStream Stderr { get; } = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Stdout.Dispose();
            Stderr.Dispose();
        }
    }
}
