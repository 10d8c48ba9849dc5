// SPDX-License-Identifier: MIT
namespace Meridian.Cli.Tests;

/// <summary>`meridian check DIR` accepts the shipped examples and reports broken files as file:line: reason.</summary>
public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Run_AcceptsTheExampleServices_ShippedInTheRepository()
    {
        var services = Path.Combine(RepositoryRoot(), "services");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = CheckCommand.Run(services, output, errors);

        Assert.True(exitCode == 0, errors.ToString());
        foreach (var name in new[] { "hello", "ud-visibility", "table-stats", "countdown" })
        {
            Assert.Contains($"ok  {name} ", output.ToString());
        }
    }

    [Fact]
    public void Run_ReportsEachProblemWithFileAndLine_AndExitsWith1()
    {
        var file = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(file, """
            name: broken
            title: Broken
            command: [run, "{theta}"]
            parameters:
              theta: {type: real, min: 5, max: 1, default: 3}
              flavour: {type: enum}
            """);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = CheckCommand.Run(_directory, output, errors);

        Assert.Equal(1, exitCode);
        var text = errors.ToString();
        Assert.Contains($"{file}:5: parameter 'theta': min is greater than max", text);
        Assert.Contains($"{file}:6: parameter 'flavour': an enum needs 'values:'", text);
    }

    [Fact]
    public void Run_ReportsAMissingFolder()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(1, CheckCommand.Run(Path.Combine(_directory, "nope"), output, errors));
        Assert.Contains("does not exist", errors.ToString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Meridian.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Meridian.slnx) was not found above the test binaries");
    }
}
