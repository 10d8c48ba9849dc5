// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;

namespace Meridian.Cli;

/// <summary>`meridian check DIR`: validates service definitions exactly as the server does at start-up.</summary>
public static class CheckCommand
{
    /// <summary>The executors a definition may name; the server offers the same ones.</summary>
    public static readonly IReadOnlySet<string> KnownExecutors = new HashSet<string>(StringComparer.Ordinal) { LocalProcessExecutor.ExecutorName, "slurm" };

    public static int Run(string directory, TextWriter output, TextWriter errors)
    {
        try
        {
            var catalog = ServiceCatalog.Load(directory, KnownExecutors);
            foreach (var service in catalog.Services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"ok  {service.Name}  ({service.Parameters.Count} parameters, {service.Results.Count} declared results)  {service.SourcePath}");
            }

            output.WriteLine($"{catalog.Services.Count} service definition(s) valid in {directory}");
            return 0;
        }
        catch (DefinitionException exception)
        {
            foreach (var problem in exception.Problems)
            {
                errors.WriteLine(problem);
            }

            errors.WriteLine($"{exception.Problems.Count} problem(s) in {directory}");
            return 1;
        }
    }
}
