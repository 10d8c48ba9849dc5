// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// Recognises a full disk (ENOSPC, a quota exceeded, SQLite's "database or disk is full") wherever it
/// surfaces, so requests answer 507 and jobs end in ERROR saying so, rather than a bare 500 or a job stuck.
/// </summary>
public static class DiskFull
{
    public const string Reason = "the server's disk is full";

    private const int NoSpaceErrno = 28;        // ENOSPC
    private const int QuotaExceededErrno = 122; // EDQUOT
    private const int SqliteFull = 13;          // SQLITE_FULL

    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException { HResult: NoSpaceErrno or QuotaExceededErrno }
                || current.Message.Contains("No space left on device", StringComparison.Ordinal)
                || current.Message.Contains("Disk quota exceeded", StringComparison.Ordinal)
                || (current.GetType().Name == "SqliteException" && current is System.Data.Common.DbException { ErrorCode: SqliteFull }))
            {
                return true;
            }
        }

        return false;
    }
}
