// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Execution.Slurm;

/// <summary>
/// Reads the output of squeue and sacct. Only fields that SLURM itself writes are asked for (never the job's
/// name, comment or paths), so no user-chosen text can pose as a state.
/// </summary>
internal static class SlurmOutput
{
    /// <summary>squeue --Format: width 0 is "as wide as the value", '|' is the suffix that separates the fields.</summary>
    public const string QueueFormat = "JobID:0|,State:0|,exit_code:0|,StartTime:0|,Reason:0";

    /// <summary>sacct --format, with --parsable2 ('|' between fields).</summary>
    public const string AccountingFormat = "JobID,State,ExitCode";

    /// <summary>
    /// squeue lines "id|STATE|status|start|reason"; exit_code is the raw wait status (exit code × 256 + signal),
    /// start the actual or, for a pending job, expected start in the local time zone ("N/A" when unknown).
    /// </summary>
    public static List<SlurmJobInfo> ParseQueue(string output)
    {
        var jobs = new List<SlurmJobInfo>();
        foreach (var line in Lines(output))
        {
            var fields = line.Split('|', 5);
            if (fields.Length < 4)
            {
                continue;
            }

            int? exit = null, signal = null;
            if (int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                exit = (status >> 8) & 0xFF;
                signal = status & 0x7F;
            }

            DateTimeOffset? start = DateTime.TryParseExact(fields[3].Trim(), "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local)
                ? new DateTimeOffset(local) : null;
            jobs.Add(new SlurmJobInfo(fields[0].Trim(), fields[1].Trim(), exit, signal, fields.Length > 4 ? fields[4].Trim() : null) { StartTime = start });
        }

        return jobs;
    }

    /// <summary>
    /// sacct lines "id|STATE|exit:signal". Steps ("12.batch") are skipped; when an id appears more than once
    /// (the log outlives a controller that lost its state and counts from 1 again), the last line wins.
    /// </summary>
    public static Dictionary<string, SlurmJobInfo> ParseAccounting(string output)
    {
        var jobs = new Dictionary<string, SlurmJobInfo>(StringComparer.Ordinal);
        foreach (var line in Lines(output))
        {
            var fields = line.Split('|');
            if (fields.Length < 3 || fields[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var codes = fields[2].Split(':');
            int? exit = codes.Length > 0 && int.TryParse(codes[0], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : null;
            int? signal = codes.Length > 1 && int.TryParse(codes[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var id = fields[0].Trim();
            jobs[id] = new SlurmJobInfo(id, fields[1].Trim(), exit, signal);
        }

        return jobs;
    }

    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
