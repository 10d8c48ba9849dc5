// SPDX-License-Identifier: MIT
using Meridian.Compliance;

namespace Meridian.Execution.Slurm.Tests;

[CollectionDefinition(Name)]
public sealed class SlurmCollection : ICollectionFixture<SlurmCluster>
{
    /// <summary>Tests that submit to the one small node, or change the process environment, run one after another.</summary>
    public const string Name = "slurm";
}
