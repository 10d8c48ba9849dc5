// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>
/// Reads the block of a service definition that belongs to one executor, under that executor's name as its key
/// (slurm: for executor: slurm). The executor's own project knows what the block holds; the definition reader
/// only hands it over, and refuses the block on a service that runs elsewhere.
/// </summary>
public interface IExecutorSectionReader
{
    /// <summary>The executor the block is for, which is also the block's key.</summary>
    string Executor { get; }

    /// <summary>What the block asks of the scheduler, or null; each problem is reported on the section, with its line.</summary>
    BatchRequirements? Read(ExecutorSection section);
}
