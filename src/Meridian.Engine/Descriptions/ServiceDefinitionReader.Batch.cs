// SPDX-License-Identifier: MIT
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

public sealed partial class ServiceDefinitionReader
{
    private static readonly string[] BatchKeys = ["partition", "cpus", "memory", "account", "options"];

    /// <summary>
    /// Options Meridian sets itself for every job: a service may not change where output goes, the working
    /// directory, the job's name (how a job is found again after a crash) or requeueing (a job must run once).
    /// </summary>
    private static readonly string[] ReservedBatchOptions =
    [
        "--output", "--error", "--input", "--chdir", "--job-name", "--requeue", "--no-requeue", "--parsable", "--wrap", "--time",
        "--array", "--hold", "--wait", "--export", "--test-only",
    ];

    private BatchRequirements? ReadBatch(YamlNode? node, string executor)
    {
        if (node is null)
        {
            return null;
        }

        if (executor != "slurm")
        {
            Problem(node, "slurm: applies only to services with executor: slurm");
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "slurm must be a mapping {partition:, cpus:, memory:, account:, options:}");
            return null;
        }

        CheckKeys(mapping, BatchKeys, "slurm");
        var partition = OptionalScalar(mapping, "partition");
        if (partition is not null && !BatchNamePattern().IsMatch(partition))
        {
            Problem(Child(mapping, "partition"), $"partition '{partition}' must be a SLURM partition name (letters, digits, '-', '_', '.', ',' between several)");
        }

        var account = OptionalScalar(mapping, "account");
        if (account is not null && !BatchNamePattern().IsMatch(account))
        {
            Problem(Child(mapping, "account"), $"account '{account}' must be a SLURM account name (letters, digits, '-', '_', '.')");
        }

        int? cpus = null;
        if (Number(mapping, "cpus", true) is { } count)
        {
            if (count < 1 || count != Math.Floor(count) || count > 100_000)
            {
                Problem(Child(mapping, "cpus"), "cpus must be a whole number of at least 1");
            }
            else
            {
                cpus = (int)count;
            }
        }

        var memory = OptionalScalar(mapping, "memory");
        if (memory is not null && !MemoryPattern().IsMatch(memory))
        {
            Problem(Child(mapping, "memory"), $"memory '{memory}' must be a size in SLURM's notation: a whole number with an optional unit K, M, G or T (for example 512M or 4G)");
        }

        var options = StringList(mapping, "options") ?? [];
        foreach (var option in options)
        {
            var name = option.Split('=', 2)[0];
            if (!option.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
            {
                Problem(Child(mapping, "options"), $"options: '{option}' must be a long sbatch option, one per item (for example --qos=short)");
            }
            else if (ReservedBatchOptions.Contains(name, StringComparer.Ordinal))
            {
                Problem(Child(mapping, "options"), $"options: {name} is set by Meridian for every job and cannot be changed by a service");
            }
        }

        return new BatchRequirements { Partition = partition, Account = account, CpusPerTask = cpus, Memory = memory, ExtraOptions = options };
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$")]
    private static partial Regex BatchNamePattern();

    [GeneratedRegex("^[0-9]+[KMGT]?$")]
    private static partial Regex MemoryPattern();
}
