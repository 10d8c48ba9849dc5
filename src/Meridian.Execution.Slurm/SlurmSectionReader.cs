// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;
using Meridian.Engine.Descriptions;

namespace Meridian.Execution.Slurm;

/// <summary>The slurm: block of a service definition: the partition, CPUs, memory, account and extra sbatch options its jobs ask for.</summary>
public sealed partial class SlurmSectionReader : IExecutorSectionReader
{
    private static readonly string[] Keys = ["partition", "cpus", "memory", "account", "options"];

    /// <summary>
    /// Options Meridian sets itself for every job: a service may not change where output goes, the working
    /// directory, the job's name (how a job is found again after a crash) or requeueing (a job must run once).
    /// </summary>
    private static readonly string[] ReservedOptions =
    [
        "--output", "--error", "--input", "--chdir", "--job-name", "--requeue", "--no-requeue", "--parsable", "--wrap", "--time",
        "--array", "--hold", "--wait", "--export", "--test-only",
    ];

    public string Executor => SlurmExecutor.ExecutorName;

    public BatchRequirements? Read(ExecutorSection section)
    {
        if (!section.IsMapping)
        {
            section.Problem(null, "slurm must be a mapping {partition:, cpus:, memory:, account:, options:}");
            return null;
        }

        section.CheckKeys(Keys);
        var partition = section.Scalar("partition");
        if (partition is not null && !NamePattern().IsMatch(partition))
        {
            section.Problem("partition", $"partition '{partition}' must be a SLURM partition name (letters, digits, '-', '_', '.', ',' between several)");
        }

        var account = section.Scalar("account");
        if (account is not null && !NamePattern().IsMatch(account))
        {
            section.Problem("account", $"account '{account}' must be a SLURM account name (letters, digits, '-', '_', '.')");
        }

        int? cpus = null;
        if (section.Number("cpus") is { } count)
        {
            if (count < 1 || count != Math.Floor(count) || count > 100_000)
            {
                section.Problem("cpus", "cpus must be a whole number of at least 1");
            }
            else
            {
                cpus = (int)count;
            }
        }

        var memory = section.Scalar("memory");
        if (memory is not null && !MemoryPattern().IsMatch(memory))
        {
            section.Problem("memory", $"memory '{memory}' must be a size in SLURM's notation: a whole number with an optional unit K, M, G or T (for example 512M or 4G)");
        }

        var options = section.StringList("options") ?? [];
        foreach (var option in options)
        {
            var name = option.Split('=', 2)[0];
            if (!option.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                section.Problem("options", $"options: '{option}' must be a long sbatch option, one per item (for example --qos=short)");
            }
            else if (ReservedOptions.Contains(name, StringComparer.Ordinal))
            {
                section.Problem("options", $"options: {name} is set by Meridian for every job and cannot be changed by a service");
            }
        }

        return new BatchRequirements { Partition = partition, Account = account, CpusPerTask = cpus, Memory = memory, ExtraOptions = options };
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9]+[KMGT]?$")]
    private static partial Regex MemoryPattern();
}
