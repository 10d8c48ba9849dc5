// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Bench;

/// <summary>
/// Where the CPU went during a part: the whole machine's busy share from /proc/stat, and the CPU time of
/// named groups of processes from /proc/pid/stat (utime + stime, plus cutime + cstime for the servers,
/// which wait for their jobs' processes). Clock ticks are 1/100 s (USER_HZ on Linux).
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100;
    private readonly IReadOnlyList<(string Name, Func<long> Ticks)> _groups;
    private readonly long[] _startTicks;
    private readonly (long Busy, long Total) _startMachine;
    private readonly DateTime _start = DateTime.UtcNow;

    private CpuMeter(IReadOnlyList<(string Name, Func<long> Ticks)> groups)
    {
        _groups = groups;
        _startMachine = Machine();
        _startTicks = groups.Select(group => group.Ticks()).ToArray();
    }

    /// <summary>CPU milliseconds per operation from a count of clock ticks.</summary>
    public static double MillisecondsPer(long ticks, int operations) => operations == 0 ? double.NaN : ticks * 1000 / TicksPerSecond / operations;

    public static CpuMeter Start(params (string Name, Func<long> Ticks)[] groups) => new(groups);

    /// <summary>One line: machine busy % of all cores, and each group's CPU seconds and share of one core.</summary>
    public string Stop()
    {
        var seconds = (DateTime.UtcNow - _start).TotalSeconds;
        var machine = Machine();
        var busy = 100.0 * (machine.Busy - _startMachine.Busy) / Math.Max(1, machine.Total - _startMachine.Total);
        var parts = _groups.Select((group, index) =>
        {
            var used = (group.Ticks() - _startTicks[index]) / TicksPerSecond;
            return string.Create(CultureInfo.InvariantCulture, $"{group.Name} {used:0.0} s ({100 * used / seconds:0}% of a core)");
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"{seconds:0.0} s, machine {busy:0}% busy over {Environment.ProcessorCount} cores; ") + string.Join(", ", parts);
    }

    /// <summary>Ticks of one process (and of its waited-for children when asked); 0 once it is gone.</summary>
    public static long ProcessTicks(int pid, bool withChildren)
    {
        return StatFields($"/proc/{pid}/stat") is { } fields ? Ticks(fields, withChildren) : 0;
    }

    /// <summary>utime + stime (and cutime + cstime) from the fields of a process's or a thread's stat file.</summary>
    private static long Ticks(string[] fields, bool withChildren)
    {
        // After "pid (comm)": state is field 3, so utime (14) is at index 11 of what follows the comm.
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withChildren ? Field(16) + Field(17) : 0);
    }

    /// <summary>Ticks of the threads of a process with the given name (as /proc/pid/task/tid/comm spells it, 15 characters at most).</summary>
    public static long ThreadTicks(int pid, string threadName)
    {
        long total = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') == threadName && StatFields(Path.Combine(task, "stat")) is { } fields)
                    {
                        total += Ticks(fields, withChildren: false);
                    }
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The process is gone.
        }

        return total;
    }

    /// <summary>Ticks of a process and all its direct children (the postmaster and its backends).</summary>
    public static long TreeTicks(int parent)
    {
        var total = ProcessTicks(parent, withChildren: true);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != parent && StatFields($"/proc/{pid}/stat") is { } fields
                && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                total += ProcessTicks(pid, withChildren: true);
            }
        }

        return total;
    }

    private static string[]? StatFields(string path)
    {
        try
        {
            var stat = File.ReadAllText(path);
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (long Busy, long Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest is inside user)
        var idle = cpu[3] + cpu[4];
        return (total - idle, total);
    }
}
