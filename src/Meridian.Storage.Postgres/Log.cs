// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Logging;

namespace Meridian.Storage.Postgres;

/// <summary>Every log line the PostgreSQL store writes, as templates.</summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Applied schema version {Version} to PostgreSQL at {Target}")]
    public static partial void SchemaApplied(ILogger logger, int version, string target);

    [LoggerMessage(102, LogLevel.Warning, "The job change feed lost PostgreSQL at {Target}; reconnecting in {Delay}")]
    public static partial void ChangeFeedLost(ILogger logger, Exception exception, string target, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Information, "The job change feed listens to PostgreSQL at {Target} again")]
    public static partial void ChangeFeedReconnected(ILogger logger, string target);
}
