// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>A wrapped code, as its YAML file declares it, after validation.</summary>
public sealed record ServiceDefinition
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    /// <summary>The wrapped code's version, as the definition states it (recorded in each job's provenance); null when not stated.</summary>
    public string? Version { get; init; }
    public required CommandTemplate Command { get; init; }
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];
    public IReadOnlyList<ResultDefinition> Results { get; init; } = [];
    public ServiceLimits Limits { get; init; } = new();
    public string Executor { get; init; } = "local";
    /// <summary>What the jobs ask a batch scheduler for (slurm:); null for the server-wide defaults.</summary>
    public BatchRequirements? Batch { get; init; }
    /// <summary>Whether callers who do not sign in may use the service when the server authenticates its callers.</summary>
    public bool Anonymous { get; init; }
    /// <summary>How {job}/error answers when the client does not ask for a format.</summary>
    public ErrorFormat ErrorFormat { get; init; } = ErrorFormat.Text;
    /// <summary>Whether stdout and stderr are listed among the job's results (they are always kept and shown by {job}/error).</summary>
    public bool ListStreams { get; init; } = true;
    /// <summary>The exit codes after which a job is COMPLETED (its declared results collected); any other is an ERROR.</summary>
    public IReadOnlySet<int> SuccessExitCodes { get; init; } = new HashSet<int> { 0 };
    /// <summary>Further paths (besides /uws/{name}) at which the job list is served in place, such as /OImaging-uws/oimaging/oimaging.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>
    /// The parameters that tell this service's jobs apart (key_parameters:), shown as the columns of a job list;
    /// the first three declared when the definition names none.
    /// </summary>
    public IReadOnlyList<string> KeyParameters { get; init; } = [];
    /// <summary>The folder of the definition file: {service_dir} in commands.</summary>
    public required string ServiceDirectory { get; init; }
    public required string SourcePath { get; init; }

    public ParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(parameter => string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase));
}
