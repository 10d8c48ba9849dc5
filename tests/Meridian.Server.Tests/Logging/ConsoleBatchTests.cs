// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Server.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Meridian.Server.Tests.Logging;

/// <summary>The console log's queue: every line out whole and in order, in few writes, bounded as the framework's is.</summary>
public sealed class ConsoleBatchTests : ConsoleStreamsTest
{
    [Fact]
    public void EveryLine_IsWrittenWholeAndInItsThreadsOrder_WhenManyThreadsLogAtOnce()
    {
        const int Threads = 8;
        const int Lines = 2_000;
        using (var batch = NewBatch(new ConsoleLoggerOptions()))
        {
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
            {
                for (var i = 0; i < Lines; i++)
                {
                    batch.Add(new StringBuilder($"thread {thread} line {i} {new string('x', i % 97)}\n"), toStandardError: false, urgent: false);
                }
            });
        }

        var seen = new int[Threads];
        foreach (var line in Stdout.Lines)
        {
            var words = line.Split(' ');
            var thread = int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture);
            var number = int.Parse(words[3], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(seen[thread], number);
            Assert.Equal(new string('x', number % 97), words.Length > 4 ? words[4] : "");
            seen[thread]++;
        }

        Assert.All(seen, count => Assert.Equal(Lines, count));
        Assert.Empty(Stderr.Text);
    }

    [Fact]
    public void LinesLoggedTogether_GoOutInFarFewerWritesThanLines()
    {
        using (var batch = NewBatch(new ConsoleLoggerOptions()))
        {
            for (var i = 0; i < 1_000; i++)
            {
                batch.Add(new StringBuilder($"line {i}\n"), toStandardError: false, urgent: false);
            }
        }

        Assert.Equal(1_000, Stdout.Lines.Count);
        // One write a line is what the framework's console logger does; a batch gathers what comes within its interval.
        Assert.InRange(Stdout.Writes, 1, 50);
    }

    [Fact]
    public void EachLine_GoesToTheStreamItWasMeantFor_InOrder()
    {
        using (var batch = NewBatch(new ConsoleLoggerOptions()))
        {
            batch.Add(new StringBuilder("out 1\n"), toStandardError: false, urgent: false);
            batch.Add(new StringBuilder("err 1\n"), toStandardError: true, urgent: true);
            batch.Add(new StringBuilder("out 2\n"), toStandardError: false, urgent: false);
        }

        Assert.Equal(["out 1", "out 2"], Stdout.Lines);
        Assert.Equal(["err 1"], Stderr.Lines);
    }

    [Fact]
    public void ALineLoggedAfterTheEnd_IsStillWritten_AfterTheOthers()
    {
        var batch = NewBatch(new ConsoleLoggerOptions());
        batch.Add(new StringBuilder("before\n"), toStandardError: false, urgent: false);
        batch.Dispose();
        batch.Add(new StringBuilder("after\n"), toStandardError: false, urgent: false);

        Assert.Equal(["before", "after"], Stdout.Lines);
    }

    [Fact]
    public void AFullQueue_DropsWhatDoesNotFit_WhenTheModeIsDropWrite()
    {
        var options = new ConsoleLoggerOptions { MaxQueueLength = 10, QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite };
        using (var batch = NewBatch(options))
        {
            Stdout.Block();
            batch.Add(new StringBuilder("first\n"), toStandardError: false, urgent: true);
            Assert.True(Stdout.Writing.Wait(TimeSpan.FromSeconds(10)), "the writer never started writing");
            for (var i = 0; i < 50; i++)
            {
                batch.Add(new StringBuilder($"line {i}\n"), toStandardError: false, urgent: false);
            }

            Assert.Equal(40, batch.Dropped);
            Stdout.Unblock();
        }

        Assert.Equal(["first", .. Enumerable.Range(0, 10).Select(i => $"line {i}")], Stdout.Lines);
    }

    [Fact]
    public async Task AFullQueue_MakesTheCallerWait_AndLosesNothing_WhenTheModeIsWait()
    {
        var options = new ConsoleLoggerOptions { MaxQueueLength = 10, QueueFullMode = ConsoleLoggerQueueFullMode.Wait };
        using (var batch = NewBatch(options))
        {
            Stdout.Block();
            batch.Add(new StringBuilder("first\n"), toStandardError: false, urgent: true);
            Assert.True(Stdout.Writing.Wait(TimeSpan.FromSeconds(10)), "the writer never started writing");
            for (var i = 0; i < 10; i++)
            {
                batch.Add(new StringBuilder($"line {i}\n"), toStandardError: false, urgent: false);
            }

            var eleventh = Task.Run(() => batch.Add(new StringBuilder("line 10\n"), toStandardError: false, urgent: false));
            Assert.NotSame(eleventh, await Task.WhenAny(eleventh, Task.Delay(300)));
            Stdout.Unblock();
            await eleventh.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, batch.Dropped);
        }

        Assert.Equal(["first", .. Enumerable.Range(0, 11).Select(i => $"line {i}")], Stdout.Lines);
    }

    private ConsoleBatch NewBatch(ConsoleLoggerOptions options) => new(Stdout, Stderr, () => options);
}
