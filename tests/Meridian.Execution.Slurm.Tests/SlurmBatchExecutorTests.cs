// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Execution;

namespace Meridian.Execution.Slurm.Tests;

/// <summary>The batch executor compliance suite against the real single-node SLURM: slurmctld schedules, slurmd runs.</summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmBatchExecutorTests : BatchExecutorCompliance
{
    protected override IBatchExecutor CreateExecutor() => new SlurmExecutor(Options());

    /// <summary>A second executor knows nothing of the first's handles: it must ask SLURM, as after a restart.</summary>
    protected override IBatchExecutor CreateRestartedExecutor() => new SlurmExecutor(Options());

    private static SlurmExecutorOptions Options() => new() { ReconciliationInterval = TimeSpan.FromSeconds(2) };
}
