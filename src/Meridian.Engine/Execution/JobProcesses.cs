// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Meridian.Engine.Execution;

/// <summary>
/// Finds a local job's processes without having kept anything about them: every process a job starts carries
/// <see cref="Variable"/> in its environment, and its children inherit it, so a server that restarts after a
/// crash finds the whole tree of a job it ran, even a daemonised grandchild whose parent has exited.
/// </summary>
/// <remarks>
/// Job ids are unguessable and unique, so a process carrying one is that job's and no other's (a recycled pid
/// carries its own environment). Only processes of the server's own user can be read, which are the only ones it started.
/// </remarks>
internal static class JobProcesses
{
    public const string Variable = "MERIDIAN_JOB_ID";

    /// <summary>The ids of the running processes marked with <paramref name="jobId"/>.</summary>
    public static IReadOnlyList<int> Find(string jobId)
    {
        // The entry as it sits between two others: NUL, name=value, NUL.
        var entry = Encoding.UTF8.GetBytes($"\0{Variable}={jobId}\0");
        var self = Environment.ProcessId;
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && pid != self && IsMarked(Path.Combine(directory, "environ"), entry))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>
    /// Kills every process marked with <paramref name="jobId"/>, looking again until none is left (a parent killed
    /// between the look and the kill may have started another).
    /// </summary>
    public static void Kill(string jobId)
    {
        for (var round = 0; round < 5; round++)
        {
            var pids = Find(jobId);
            if (pids.Count == 0)
            {
                return;
            }

            foreach (var pid in pids)
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // It ended meanwhile.
                }
            }
        }
    }

    private static bool IsMarked(string environ, byte[] entry)
    {
        byte[] block;
        try
        {
            block = File.ReadAllBytes(environ);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Ended meanwhile, or another user's.
            return false;
        }

        // The first entry has no NUL before it.
        return block.AsSpan().StartsWith(entry.AsSpan(1)) || block.AsSpan().IndexOf(entry) >= 0;
    }
}
