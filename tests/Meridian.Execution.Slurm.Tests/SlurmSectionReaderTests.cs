// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Descriptions;

namespace Meridian.Execution.Slurm.Tests;

/// <summary>The slurm: block, read by the SLURM executor's section reader: what a service's jobs ask the batch scheduler for.</summary>
public sealed class SlurmSectionReaderTests : IDisposable
{
    private const string Head = "name: broken\ntitle: Broken\ncommand: [tool]\n";
    private static readonly IReadOnlySet<string> WithSlurm = new HashSet<string> { "local", "slurm" };
    private static readonly IExecutorSectionReader[] Sections = [new SlurmSectionReader()];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string yaml)
    {
        var path = _temp.Combine("svc.yaml");
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    private ServiceDefinition? ReadWithSlurm(string yaml, out IReadOnlyList<string> problems) =>
        ServiceDefinitionReader.Read(Write(yaml), WithSlurm, Sections, out problems);

    [Fact]
    public void Read_KeepsTheBatchRequirements_WhenTheServiceRunsOnSlurm()
    {
        var service = ReadWithSlurm(Head + """
            executor: slurm
            slurm:
              partition: long,short
              cpus: 8
              memory: 16G
              account: jmmc-1
              options: [--qos=normal, --constraint=avx2]
            """, out var problems);

        Assert.Empty(problems);
        Assert.Equal(
            new BatchRequirements { Partition = "long,short", CpusPerTask = 8, Memory = "16G", Account = "jmmc-1" },
            service!.Batch! with { ExtraOptions = [] });
        Assert.Equal(["--qos=normal", "--constraint=avx2"], service.Batch!.ExtraOptions);
    }

    [Fact]
    public void Read_LeavesTheBatchRequirementsToTheServer_WhenThereIsNoSlurmBlock()
    {
        var service = ReadWithSlurm(Head + "executor: slurm\n", out var problems);

        Assert.Empty(problems);
        Assert.Null(service!.Batch);
    }

    [Theory]
    [InlineData("slurm: {partition: debug}\n", 4, "slurm: applies only to services with executor: slurm")]
    [InlineData("executor: slurm\nslurm: {memory: lots}\n", 5, "memory 'lots' must be a size in SLURM's notation")]
    [InlineData("executor: slurm\nslurm: {cpus: 0}\n", 5, "cpus must be a whole number of at least 1")]
    [InlineData("executor: slurm\nslurm: {partition: \"debug; rm -rf /\"}\n", 5, "must be a SLURM partition name")]
    [InlineData("executor: slurm\nslurm: {options: [--output=/etc/passwd]}\n", 5, "--output is set by Meridian for every job")]
    [InlineData("executor: slurm\nslurm: {options: [-p debug]}\n", 5, "must be a long sbatch option, one per item")]
    [InlineData("executor: slurm\nslurm: {qos: short}\n", 5, "unknown key 'qos'")]
    public void Read_ReportsTheLine_WhenTheSlurmBlockIsWrong(string yaml, int line, string reason)
    {
        var path = Write(Head + yaml);

        Assert.Null(ServiceDefinitionReader.Read(path, WithSlurm, Sections, out var problems));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"{path}:{line}: ", problem, StringComparison.Ordinal);
        Assert.True(problem.Contains(reason, StringComparison.Ordinal), $"expected '{reason}' in: {problem}");
    }
}
