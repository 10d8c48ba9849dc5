// SPDX-License-Identifier: MIT
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Server.Http;

/// <summary>
/// A response body that sends nothing and counts what it is given: a HEAD's. A file is counted by its size, never
/// read, so a HEAD on a large result costs no disk reads.
/// </summary>
public sealed class CountedBody : IHttpResponseBodyFeature, IDisposable
{
    private readonly CountingStream _stream = new();
    private PipeWriter? _writer;

    public long Length => _stream.Length;

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

    public Task CompleteAsync() => _writer?.CompleteAsync().AsTask() ?? Task.CompletedTask;

    public void DisableBuffering()
    {
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        _stream.SetLength(_stream.Length + (count ?? new FileInfo(path).Length - offset));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose() => _stream.Dispose();

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => _length = value;

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
