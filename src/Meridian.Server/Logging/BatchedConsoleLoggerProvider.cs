// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Logging;

/// <summary>
/// The server's console log: the framework's formatters (simple, json, systemd, chosen by Logging:Console:FormatterName)
/// and settings (Logging:Console:*), with the lines written in batches (<see cref="ConsoleBatch"/>).
/// </summary>
[ProviderAlias("Console")]
public sealed class BatchedConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentDictionary<string, BatchedConsoleLogger> _loggers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConsoleFormatter> _formatters;
    private readonly IOptionsMonitor<ConsoleLoggerOptions> _options;
    private readonly IDisposable? _optionsChange;

    public BatchedConsoleLoggerProvider(IOptionsMonitor<ConsoleLoggerOptions> options, IEnumerable<ConsoleFormatter> formatters, Stream standardOutput, Stream standardError)
    {
        _options = options;
        _formatters = formatters.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        Formatter = Choose(options.CurrentValue);
        _optionsChange = options.OnChange(changed => Formatter = Choose(changed));
        Batch = new ConsoleBatch(standardOutput, standardError, () => _options.CurrentValue);
        // What is queued still goes out when the process ends without the host's disposal (a return from Main before
        // the host ran, an unhandled exception).
        AppDomain.CurrentDomain.ProcessExit += OnProcessEnd;
        AppDomain.CurrentDomain.UnhandledException += OnProcessEnd;
    }

    internal ConsoleFormatter Formatter { get; private set; }

    internal ConsoleBatch Batch { get; }

    internal ConsoleLoggerOptions Options => _options.CurrentValue;

    internal IExternalScopeProvider Scopes { get; private set; } = new LoggerExternalScopeProvider();

    /// <summary>The provider the server uses: the process's stdout and stderr.</summary>
    public static BatchedConsoleLoggerProvider ForStandardStreams(IServiceProvider services) =>
        new(services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), services.GetServices<ConsoleFormatter>(),
            Console.OpenStandardOutput(), Console.OpenStandardError());

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new BatchedConsoleLogger(name, this));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessEnd;
        AppDomain.CurrentDomain.UnhandledException -= OnProcessEnd;
        _optionsChange?.Dispose();
        Batch.Dispose();
    }

    private void OnProcessEnd(object? sender, EventArgs e) => Batch.Dispose();

    // As the framework's console logger: an unknown name falls back to the simple format.
    private ConsoleFormatter Choose(ConsoleLoggerOptions options) =>
        _formatters.TryGetValue(options.FormatterName ?? ConsoleFormatterNames.Simple, out var formatter) ? formatter
            : _formatters[ConsoleFormatterNames.Simple];
}
