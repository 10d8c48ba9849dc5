// SPDX-License-Identifier: MIT
using Meridian.Compliance;
using Meridian.Engine.Descriptions;
using Xunit;

namespace Meridian.Engine.Tests;

public sealed partial class ServiceDefinitionReaderTests : IDisposable
{
    private static readonly IReadOnlySet<string> Executors = new HashSet<string> { "local" };
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string yaml, string file = "svc.yaml")
    {
        var path = _temp.Combine(file);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    [Fact]
    public void Read_ReturnsEveryDeclaredField_WhenTheDefinitionIsValid()
    {
        var path = Write("""
            name: ud-visibility
            title: Uniform disk visibility
            description: |
              Squared visibility of a disk.
            command: [sh, "{service_dir}/run.sh", --theta, "{theta}", [--npoints, "{npoints}"], [--plot, "{?plot}"], --, "{baselines}"]
            parameters:
              theta: {type: real, unit: mas, min: 0.01, max: 100, default: 1.5, title: Diameter, description: angular diameter}
              baselines: {type: list, of: real, min: 0, max: 1000, default: [10, 50], min_items: 1, max_items: 500}
              npoints: {type: integer, min: 2, max: 10000}
              model: {type: enum, values: [uniform, limb-darkened], default: uniform}
              plot: {type: boolean, default: "no"}
              label: {type: string, pattern: '[a-z]+', max_length: 20, required: true}
              catalog: {type: file, max_size: 10MB}
            results:
              - {name: vis2, path: vis2.csv, type: text/csv, description: the table}
              - {name: plots, glob: "plots/*.svg", type: image/svg+xml}
            limits: {execution_duration: {default: 60, max: 10m}, destruction: {default: 1d, max: 7d}, concurrent: 4}
            executor: local
            """);

        var service = ServiceDefinitionReader.Read(path, Executors, out var problems);

        Assert.Empty(problems);
        Assert.NotNull(service);
        Assert.Equal("ud-visibility", service.Name);
        Assert.Equal("Uniform disk visibility", service.Title);
        Assert.Equal("Squared visibility of a disk.", service.Description);
        Assert.Equal(_temp.Path, service.ServiceDirectory);
        Assert.Equal(path, service.SourcePath);
        Assert.Equal("local", service.Executor);
        Assert.Equal(["theta", "baselines", "npoints", "model", "plot", "label", "catalog"], service.Parameters.Select(p => p.Name));

        var theta = service.Parameters[0];
        Assert.Equal((ParameterType.Real, 0.01, 100.0, "mas", "Diameter", "angular diameter"), (theta.Type, theta.Min, theta.Max, theta.Unit, theta.Title, theta.Description));
        Assert.Equal(["1.5"], theta.Default);
        var baselines = service.Parameters[1];
        Assert.Equal((ParameterType.List, ParameterType.Real, 1, 500), (baselines.Type, baselines.ItemType, baselines.MinItems, baselines.MaxItems));
        Assert.Equal(["10", "50"], baselines.Default);
        Assert.Equal(["uniform", "limb-darkened"], service.Parameters[3].Values);
        Assert.Equal(["false"], service.Parameters[4].Default);
        var label = service.Parameters[5];
        Assert.True(label.Required);
        Assert.Equal(20, label.MaxLength);
        Assert.Matches(label.Pattern!, "abc");
        Assert.DoesNotMatch(label.Pattern!, "abc1");
        Assert.Equal(10_000_000, service.Parameters[6].MaxSize);

        Assert.Equal(new ResultDefinition("vis2", "vis2.csv", null, "text/csv", "the table"), service.Results[0]);
        Assert.Equal(new ResultDefinition("plots", null, "plots/*.svg", "image/svg+xml", null), service.Results[1]);
        Assert.Equal(new ServiceLimits
        {
            DefaultExecutionDuration = 60, MaxExecutionDuration = 600,
            DefaultDestruction = TimeSpan.FromDays(1), MaxDestruction = TimeSpan.FromDays(7), Concurrent = 4,
        }, service.Limits);

        var argv = service.Command.Render(
            new Dictionary<string, IReadOnlyList<string>> { ["service_dir"] = ["/srv"], ["theta"] = ["1.5"], ["plot"] = ["false"], ["baselines"] = ["10", "50"] },
            new HashSet<string> { "plot" });
        Assert.Equal(["sh", "/srv/run.sh", "--theta", "1.5", "--", "10", "50"], argv);
    }

    [Fact]
    public void Read_AppliesDefaultLimits_WhenTheDefinitionSetsNone()
    {
        var service = ServiceDefinitionReader.Read(Write("name: tiny\ncommand: [true]\n"), Executors, out var problems);

        Assert.Empty(problems);
        Assert.Equal("tiny", service?.Title);
        Assert.Equal(new ServiceLimits(), service?.Limits);
    }

    [Fact]
    public void Load_ReportsTheSecondFile_WhenTwoFilesDeclareTheSameServiceName()
    {
        var first = Write("name: twin\ncommand: [true]\n", "a.yaml");
        var second = Write("name: twin\ncommand: [false]\n", "b.yaml");

        var exception = Assert.Throws<DefinitionException>(() => ServiceCatalog.Load(_temp.Path, Executors));

        Assert.Equal([$"{second}:1: service name 'twin' is already used by {first}"], exception.Problems);
    }

    [Fact]
    public void Load_ReportsEveryBrokenFile_WhenSeveralAreBroken()
    {
        var first = Write("name: one\ncommand: [true]\ncolour: red\n", "a.yaml");
        var second = Write("name: two\ncommand: [true]\nexecutor: slurm\n", "b.yml");
        Write("name: fine\ncommand: [true]\n", "c.yaml");

        var exception = Assert.Throws<DefinitionException>(() => ServiceCatalog.Load(_temp.Path, Executors));

        Assert.Equal(2, exception.Problems.Count);
        Assert.StartsWith($"{first}:3: ", exception.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith($"{second}:3: ", exception.Problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReturnsEveryService_WhenAllFilesAreValid()
    {
        Write("name: one\ncommand: [true]\n", "a.yaml");
        Write("name: two\ncommand: [true]\n", "b.yml");
        File.WriteAllText(_temp.Combine("notes.txt"), "not a definition");

        var catalog = ServiceCatalog.Load(_temp.Path, Executors);

        Assert.Equal(["one", "two"], catalog.Services.Select(s => s.Name).Order());
        Assert.NotNull(catalog.Find("two"));
        Assert.Null(catalog.Find("three"));
    }

    [Fact]
    public void Load_Throws_WhenTheFolderDoesNotExist()
    {
        Assert.Throws<DefinitionException>(() => ServiceCatalog.Load(_temp.Combine("missing"), Executors));
    }
}
