// SPDX-License-Identifier: MIT
using System.Text.Json;
using Meridian.Server.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Tests.Logging;

/// <summary>The console log keeps the framework's settings: Logging:Console's levels, formatter and stderr threshold.</summary>
public sealed class BatchedConsoleLoggerProviderTests : ConsoleStreamsTest
{
    [Fact]
    public void TheSimpleFormat_IsTheDefault_WithTheCategoryAndTheMessage()
    {
        using (var services = Services([]))
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Meridian.Audit").Created("alice", "j1");
        }

        Assert.Equal(["info: Meridian.Audit[1]", "      Audit: alice created job j1"], Stdout.Lines);
    }

    [Fact]
    public void LoggingConsoleLogLevel_FiltersThisLog()
    {
        using (var services = Services(new() { ["Logging:Console:LogLevel:Default"] = "Warning" }))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Meridian.Test");
            logger.LogInformation("not shown");
            logger.LogWarning("shown");
        }

        Assert.DoesNotContain("not shown", Stdout.Text, StringComparison.Ordinal);
        Assert.Contains("shown", Stdout.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJsonFormatter_WritesOneObjectALine_WhenNamed()
    {
        using (var services = Services(new() { ["Logging:Console:FormatterName"] = "json" }))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Meridian.Test");
            logger.Moved("j1", "EXECUTING", "COMPLETED");
            logger.Moved("j2", "EXECUTING", "ERROR");
        }

        var entries = Stdout.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["j1", "j2"], entries.Select(e => e.GetProperty("State").GetProperty("JobId").GetString()));
        Assert.All(entries, e => Assert.Equal("Meridian.Test", e.GetProperty("Category").GetString()));
    }

    [Fact]
    public void EntriesFromTheThreshold_GoToStandardError()
    {
        using (var services = Services(new() { ["Logging:Console:LogToStandardErrorThreshold"] = "Error" }))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Meridian.Test");
            logger.LogWarning("a warning");
            logger.LogError("an error");
        }

        Assert.Contains("a warning", Stdout.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("an error", Stdout.Text, StringComparison.Ordinal);
        Assert.Contains("an error", Stderr.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_AreWritten_WhenTheFormatterIncludesThem()
    {
        using (var services = Services(new() { ["Logging:Console:FormatterOptions:IncludeScopes"] = "true" }))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Meridian.Test");
            using (logger.BeginScope("job j7"))
            {
                logger.LogInformation("inside");
            }
        }

        Assert.Contains("=> job j7", Stdout.Text, StringComparison.Ordinal);
    }

    // The server's registration, with the provider writing to the test's streams instead of the process's.
    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddBatchedConsole();
            var standard = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider));
            logging.Services.Remove(standard);
            logging.Services.AddSingleton<ILoggerProvider>(provider => new BatchedConsoleLoggerProvider(
                provider.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>(), provider.GetServices<ConsoleFormatter>(), Stdout, Stderr));
        });
        return services.BuildServiceProvider();
    }
}

/// <summary>Entries with fields, as the server logs them.</summary>
internal static partial class TestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Audit: {User} created job {JobId}")]
    public static partial void Created(this ILogger logger, string user, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} moved {From} to {To}")]
    public static partial void Moved(this ILogger logger, string jobId, string from, string to);
}
