// SPDX-License-Identifier: MIT
namespace Meridian.Server.Audit;

/// <summary>
/// The audit log, category Meridian.Audit: one line per job created, run, aborted or deleted, saying who
/// (the owner id, or "anonymous"), which job of which service, and from which address. Never a credential.
/// </summary>
public static partial class AuditLog
{
    public const string Category = "Meridian.Audit";

    [LoggerMessage(1, LogLevel.Information, "Audit: {User} {Action} job {JobId} of {Service} from {Address}")]
    public static partial void JobAction(ILogger logger, string user, string action, string jobId, string service, string address);
}
