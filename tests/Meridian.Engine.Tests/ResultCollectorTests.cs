// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Lifecycle;
using Meridian.Engine.Tests.Fakes;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed class ResultCollectorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly JobWorkspace _workspace;
    private readonly string _outside;

    public ResultCollectorTests()
    {
        _workspace = new JobWorkspace(_temp.Combine("jobs"), "job1");
        Directory.CreateDirectory(_workspace.Work);
        _outside = _temp.Combine("outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "private key");
    }

    public void Dispose() => _temp.Dispose();

    private static ServiceDefinition Declaring(params ResultDefinition[] results) => TestServices.Define("svc", results: results);

    private void WriteWork(string relative, string content)
    {
        var path = Path.Combine(_workspace.Work, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Resolve_ReturnsNull_WhenTheResultIsASymlinkToAFileOutsideTheJob()
    {
        File.CreateSymbolicLink(Path.Combine(_workspace.Work, "out.txt"), Path.Combine(_outside, "secret.txt"));

        Assert.Null(_workspace.Resolve("work/out.txt"));
        Assert.DoesNotContain(ResultCollector.Collect(Declaring(new ResultDefinition("out", "out.txt", null, "text/plain", null)), _workspace), r => r.Id == "out");
    }

    [Fact]
    public void Resolve_ReturnsNull_WhenAFolderOnTheWayIsASymlinkOutside()
    {
        Directory.CreateSymbolicLink(Path.Combine(_workspace.Work, "data"), _outside);

        Assert.Null(_workspace.Resolve("work/data/secret.txt"));
        Assert.Empty(ResultCollector.Collect(Declaring(new ResultDefinition("all", null, "**/*.txt", "text/plain", null)), _workspace));
    }

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("work/../../outside/secret.txt")]
    [InlineData("/etc/passwd")]
    public void Resolve_ReturnsNull_WhenThePathLeavesTheJobFolder(string relative)
    {
        Assert.Null(_workspace.Resolve(relative));
    }

    [Fact]
    public void Resolve_ReturnsThePath_WhenASymlinkPointsInsideTheJob()
    {
        WriteWork("real.txt", "data");
        File.CreateSymbolicLink(Path.Combine(_workspace.Work, "alias.txt"), Path.Combine(_workspace.Work, "real.txt"));

        Assert.Equal(Path.Combine(_workspace.Work, "alias.txt"), _workspace.Resolve("work/alias.txt"));
    }

    [Fact]
    public void Collect_ListsDeclaredFilesGlobMatchesAndOutputs_WhenTheyExist()
    {
        WriteWork("vis2.csv", "b,v2\n");
        WriteWork("plots/a.svg", "<svg/>");
        WriteWork("plots/b.svg", "<svg/>");
        WriteWork("plots/notes.txt", "x");
        File.WriteAllText(_workspace.Stdout, "done\n");
        var service = Declaring(
            new ResultDefinition("vis2", "vis2.csv", null, "text/csv", null),
            new ResultDefinition("missing", "absent.csv", null, "text/csv", null),
            new ResultDefinition("plots", null, "plots/*.svg", "image/svg+xml", null));

        var results = ResultCollector.Collect(service, _workspace);

        Assert.Equal(["vis2", "plots/a.svg", "plots/b.svg", "stdout"], results.Select(r => r.Id));
        Assert.Equal(("work/vis2.csv", "text/csv", 5L), (results[0].RelativePath, results[0].MimeType, results[0].Size));
        Assert.Equal(Path.Combine("work", "plots", "a.svg"), results[1].RelativePath);
    }

    [Fact]
    public void Collect_LeavesOutStdoutAndStderr_WhenTheServiceDoesNotListThem()
    {
        WriteWork("log.txt", "ok\n");
        File.WriteAllText(_workspace.Stdout, "done\n");
        File.WriteAllText(_workspace.Stderr, "warning\n");
        var service = Declaring(new ResultDefinition("log", "log.txt", null, "text/plain", null)) with { ListStreams = false };

        Assert.Equal(["log"], ResultCollector.Collect(service, _workspace).Select(r => r.Id));
    }
}
