// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Server.Tests.Logging;

/// <summary>A console stream that keeps each write apart, and can be made to block as a full pipe does.</summary>
public sealed class RecordingStream : Stream
{
    private readonly List<byte[]> _writes = [];
    private readonly ManualResetEventSlim _open = new(initialState: true);

    /// <summary>Set when a write has started (and, while <see cref="Block"/> holds, is waiting).</summary>
    public ManualResetEventSlim Writing { get; } = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public int Writes
    {
        get
        {
            lock (_writes)
            {
                return _writes.Count;
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_writes)
            {
                return string.Concat(_writes.Select(w => Encoding.UTF8.GetString(w)));
            }
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Block() => _open.Reset();

    public void Unblock() => _open.Set();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Writing.Set();
        _open.Wait(TimeSpan.FromSeconds(30));
        lock (_writes)
        {
            _writes.Add(buffer.AsSpan(offset, count).ToArray());
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open.Dispose();
            Writing.Dispose();
        }

        base.Dispose(disposing);
    }
}
