// SPDX-License-Identifier: MIT
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace Meridian.Server.Logging;

/// <summary>Puts <see cref="BatchedConsoleLoggerProvider"/> in place of the framework's console logger.</summary>
public static class BatchedConsoleLogging
{
    public static ILoggingBuilder AddBatchedConsole(this ILoggingBuilder logging)
    {
        // The framework's formatters, options and their binding to Logging:Console stay; only its writer goes.
        logging.AddConsole();
        var framework = logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
        foreach (var descriptor in framework)
        {
            logging.Services.Remove(descriptor);
        }

        logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, BatchedConsoleLoggerProvider>(BatchedConsoleLoggerProvider.ForStandardStreams));
        return logging;
    }
}
