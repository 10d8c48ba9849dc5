// SPDX-License-Identifier: MIT
using System.CommandLine;
using Meridian.Cli.CommandLine;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Execution.Slurm;

namespace Meridian.Cli;

/// <summary>`meridian check DIR`: validates service definitions exactly as the server does at start-up.</summary>
public static class CheckCommand
{
    /// <summary>The executors a definition may name; the server offers the same ones.</summary>
    public static readonly IReadOnlySet<string> KnownExecutors = new HashSet<string>(StringComparer.Ordinal) { LocalProcessExecutor.ExecutorName, SlurmExecutor.ExecutorName };

    /// <summary>The executors' own blocks, read as the server reads them.</summary>
    private static readonly IReadOnlyList<IExecutorSectionReader> Sections = [new SlurmSectionReader()];

    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "the folder of service definitions",
            DefaultValueFactory = _ => "services",
        };
        var command = new Command("check", "Check the service definitions in DIR (default: services), as the server does at start-up") { directory };
        command.SetAction(result => Run(result.GetRequiredValue(directory), console.Output, console.Error));
        return command;
    }

    public static int Run(string directory, TextWriter output, TextWriter errors)
    {
        try
        {
            var catalog = ServiceCatalog.Load(directory, KnownExecutors, Sections);
            foreach (var service in catalog.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"ok  {service.Name}  ({service.Parameters.Count} parameters, {service.Results.Count} declared results)  {service.SourcePath}");
            }

            output.WriteLine($"{catalog.Services.Count} service definition(s) valid in {directory}");
            return MeridianCommandLine.Done;
        }
        catch (DefinitionException exception)
        {
            foreach (var problem in exception.Problems)
            {
                errors.WriteLine(problem);
            }

            errors.WriteLine($"{exception.Problems.Count} problem(s) in {directory}");
            return MeridianCommandLine.Failed;
        }
    }
}
