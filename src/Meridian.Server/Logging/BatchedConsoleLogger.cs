// SPDX-License-Identifier: MIT
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Server.Logging;

/// <summary>One category's console logger: the entry is formatted on the caller's thread, then queued.</summary>
internal sealed class BatchedConsoleLogger(string category, BatchedConsoleLoggerProvider provider) : ILogger
{
    // A formatted entry is copied into the batch at once, so one writer a thread serves every entry of that thread.
    [ThreadStatic]
    private static StringWriter? t_writer;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes.Push(state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var writer = t_writer ??= new StringWriter();
        var entry = new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
        provider.Formatter.Write(in entry, provider.Scopes, writer);
        var text = writer.GetStringBuilder();
        if (text.Length == 0)
        {
            return;
        }

        // Timestamps are the formatter's, taken now: a line's time is when it was logged, not when its batch went out.
        provider.Batch.Add(text, logLevel >= provider.Options.LogToStandardErrorThreshold, logLevel >= LogLevel.Warning);
        if (text.Capacity > 1024)
        {
            t_writer = null;
        }
        else
        {
            text.Clear();
        }
    }
}
