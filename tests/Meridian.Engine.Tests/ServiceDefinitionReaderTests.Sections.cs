// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

/// <summary>An executor's own block (its name as the key): handed to that executor's reader, refused on other services.</summary>
public sealed partial class ServiceDefinitionReaderTests
{
    private static readonly IReadOnlySet<string> WithBatch = new HashSet<string> { "local", "batch" };

    [Fact]
    public void Read_HandsTheExecutorsBlockToItsReader_WhenTheServiceRunsOnThatExecutor()
    {
        var reader = new QueueSectionReader();

        var service = ServiceDefinitionReader.Read(Write(Head + "executor: batch\nbatch: {queue: night}\n"), WithBatch, [reader], out var problems);

        Assert.Empty(problems);
        Assert.Equal("night", service!.Batch!.Partition);
        Assert.Equal(1, reader.Reads);
    }

    [Fact]
    public void Read_ReportsTheBlocksLineAndLeavesItUnread_WhenTheServiceRunsOnAnotherExecutor()
    {
        var reader = new QueueSectionReader();
        var path = Write(Head + "batch: {queue: night}\n");

        Assert.Null(ServiceDefinitionReader.Read(path, WithBatch, [reader], out var problems));

        Assert.Equal($"{path}:4: batch: applies only to services with executor: batch", Assert.Single(problems));
        Assert.Equal(0, reader.Reads);
    }

    [Fact]
    public void Read_ReportsTheReadersProblemOnTheKeysLine_WhenTheBlockIsWrong()
    {
        var path = Write(Head + "executor: batch\nbatch:\n  queue: day\n  colour: red\n");

        Assert.Null(ServiceDefinitionReader.Read(path, WithBatch, [new QueueSectionReader()], out var problems));

        Assert.Equal(
            [$"{path}:7: batch: unknown key 'colour' (known: queue)", $"{path}:6: queue 'day' is not a queue of this scheduler"],
            problems);
    }

    [Fact]
    public void Read_ReportsAnUnknownKey_WhenNoExecutorReadsABlockOfThatName()
    {
        var path = Write(Head + "executor: batch\nbatch: {queue: night}\n");

        Assert.Null(ServiceDefinitionReader.Read(path, WithBatch, out var problems));

        Assert.Contains(problems, problem => problem.StartsWith($"{path}:5: a service definition: unknown key 'batch'", StringComparison.Ordinal));
    }

    /// <summary>A scheduler whose block names a queue: night is the only one.</summary>
    private sealed class QueueSectionReader : IExecutorSectionReader
    {
        public int Reads { get; private set; }

        public string Executor => "batch";

        public BatchRequirements? Read(ExecutorSection section)
        {
            Reads++;
            section.CheckKeys("queue");
            var queue = section.Scalar("queue");
            if (queue is not null && queue != "night")
            {
                section.Problem("queue", $"queue '{queue}' is not a queue of this scheduler");
            }

            return new BatchRequirements { Partition = queue };
        }
    }
}
