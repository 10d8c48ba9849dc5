// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Text;
using Microsoft.Extensions.Logging.Console;

namespace Meridian.Server.Logging;

/// <summary>
/// The console log's lines on their way out: gathered for a moment and written to stdout (or stderr) in one write.
/// </summary>
/// <remarks>
/// The framework's console logger wakes its writer thread for every line and writes each with its own system call.
/// A job logs two or three lines (its audit lines, its end), and on two cores the log cost a sixth to a quarter of a
/// creation's CPU (bench/README.md). Here the writer, once woken by a line, waits <see cref="Interval"/> for more and
/// writes them together; a warning or worse, a full queue or the end of the process writes at once. Lines are never
/// reordered, and the queue is bounded as the framework's is (<see cref="ConsoleLoggerOptions.MaxQueueLength"/>,
/// <see cref="ConsoleLoggerOptions.QueueFullMode"/>).
/// </remarks>
public sealed class ConsoleBatch : IDisposable
{
    /// <summary>How long the writer gathers lines after the first one of a batch.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    private static readonly TimeSpan DisposeTimeout = TimeSpan.FromMilliseconds(1500);
    private readonly object _gate = new();
    private readonly Stream _standardOutput;
    private readonly Stream _standardError;
    private readonly Func<ConsoleLoggerOptions> _options;
    private readonly Thread _writer;
    private Batch _pending = new();
    private Batch _writing = new();
    private bool _writerIdle;
    private bool _urgent;
    private bool _closed;
    private bool _writerDone;
    private long _dropped;

    public ConsoleBatch(Stream standardOutput, Stream standardError, Func<ConsoleLoggerOptions> options)
    {
        _standardOutput = standardOutput;
        _standardError = standardError;
        _options = options;
        _writer = new Thread(WriteBatches) { IsBackground = true, Name = "Console logger" };
        _writer.Start();
    }

    /// <summary>Queues one formatted entry; <paramref name="urgent"/> ones are written without waiting for others.</summary>
    public void Add(StringBuilder text, bool toStandardError, bool urgent)
    {
        lock (_gate)
        {
            if (_writerDone)
            {
                // A line logged after the end (while the host stops): written by its caller, after everything before it.
                _writing.Append(text, toStandardError);
                WriteOut(_writing);
                return;
            }

            var options = _options();
            while (_pending.Entries >= options.MaxQueueLength)
            {
                if (_closed || options.QueueFullMode == ConsoleLoggerQueueFullMode.DropWrite)
                {
                    _dropped++;
                    return;
                }

                // The console cannot keep up: the caller waits for the batch in hand to go out, as with the framework's queue.
                _urgent = true;
                Monitor.PulseAll(_gate);
                Monitor.Wait(_gate);
            }

            _pending.Append(text, toStandardError);
            _urgent |= urgent;
            // The writer is only woken from its rest; while it gathers a batch, lines join it without a wake-up.
            if (_writerIdle || urgent || _closed)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Entries not written because the queue was full (<see cref="ConsoleLoggerQueueFullMode.DropWrite"/>).</summary>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Writes what is queued and stops the writer; lines logged after it are written at once.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            Monitor.PulseAll(_gate);
        }

        if (Thread.CurrentThread != _writer)
        {
            _writer.Join(DisposeTimeout);
        }
    }

    private void WriteBatches()
    {
        while (true)
        {
            lock (_gate)
            {
                while (_pending.Entries == 0 && !_closed)
                {
                    _writerIdle = true;
                    Monitor.Wait(_gate);
                }

                _writerIdle = false;
                if (!_urgent && !_closed)
                {
                    // Gather the lines of the next moment into the same write.
                    Monitor.Wait(_gate, Interval);
                }

                (_pending, _writing) = (_writing, _pending);
                _urgent = false;
                // Callers waiting for room in a full queue have it now.
                Monitor.PulseAll(_gate);
                if (_writing.Entries == 0 && _closed)
                {
                    // From here on, callers write their own lines (under the gate, so one at a time).
                    _writerDone = true;
                    return;
                }
            }

            WriteOut(_writing);
        }
    }

    /// <summary>Writes a batch, stdout's part then stderr's: the writer thread's, or once it is done a caller's under the gate.</summary>
    private void WriteOut(Batch batch)
    {
        Write(batch.StandardOutput, _standardOutput);
        Write(batch.StandardError, _standardError);
        batch.Clear();
    }

    private static void Write(StringBuilder text, Stream stream)
    {
        if (text.Length == 0)
        {
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            text.CopyTo(0, chars, text.Length);
            var count = Encoding.UTF8.GetBytes(chars, 0, text.Length, bytes, 0);
            stream.Write(bytes, 0, count);
            stream.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or NotSupportedException)
        {
            // A console nobody reads any more (a closed pipe, a closed stream): the log is lost, the server goes on. The
            // writer thread must not end on it, which would end the process.
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The entries of one batch, each stream's in the order they were logged.</summary>
    private sealed class Batch
    {
        // A batch larger than this is not kept for the next one: one burst does not hold its memory for ever.
        private const int KeptCapacity = 64 * 1024;

        public StringBuilder StandardOutput { get; private set; } = new();

        public StringBuilder StandardError { get; private set; } = new();

        public int Entries { get; private set; }

        public void Append(StringBuilder text, bool toStandardError)
        {
            (toStandardError ? StandardError : StandardOutput).Append(text);
            Entries++;
        }

        public void Clear()
        {
            StandardOutput = StandardOutput.Capacity > KeptCapacity ? new StringBuilder() : StandardOutput.Clear();
            StandardError = StandardError.Capacity > KeptCapacity ? new StringBuilder() : StandardError.Clear();
            Entries = 0;
        }
    }
}
