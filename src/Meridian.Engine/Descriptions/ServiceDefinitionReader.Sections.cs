// SPDX-License-Identifier: MIT
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

public sealed partial class ServiceDefinitionReader
{
    /// <summary>
    /// The block of the service's executor, read by that executor's own reader. A block for another executor is a
    /// problem: it would silently not apply.
    /// </summary>
    private BatchRequirements? ReadExecutorSections(YamlMappingNode root, string executor)
    {
        BatchRequirements? batch = null;
        foreach (var reader in _sections)
        {
            if (Child(root, reader.Executor) is not { } node)
            {
                continue;
            }

            if (reader.Executor != executor)
            {
                Problem(node, $"{reader.Executor}: applies only to services with executor: {reader.Executor}");
                continue;
            }

            batch = reader.Read(new ExecutorSection(this, node, reader.Executor));
        }

        return batch;
    }
}
