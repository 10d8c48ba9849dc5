// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Descriptions;

/// <summary>The services this server offers, loaded once at start-up from a folder of *.yaml files.</summary>
public sealed class ServiceCatalog
{
    private readonly Dictionary<string, ServiceDefinition> _services;

    public ServiceCatalog(IEnumerable<ServiceDefinition> services) =>
        _services = services.ToDictionary(service => service.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<ServiceDefinition> Services => _services.Values;

    public ServiceDefinition? Find(string name) => _services.GetValueOrDefault(name);

    /// <summary>
    /// Loads every definition in the folder; any problem in any file throws, listing all of them. Each executor's
    /// own block is read by its reader among <paramref name="sections"/>.
    /// </summary>
    public static ServiceCatalog Load(string directory, IReadOnlySet<string> executors, IReadOnlyList<IExecutorSectionReader>? sections = null)
    {
        if (!Directory.Exists(directory))
        {
            throw new DefinitionException([$"{directory}: the services folder does not exist"]);
        }

        var problems = new List<string>();
        var services = new List<ServiceDefinition>();
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var definition = ServiceDefinitionReader.Read(file, executors, sections ?? [], out var fileProblems);
            problems.AddRange(fileProblems);
            if (definition is null)
            {
                continue;
            }

            if (services.FirstOrDefault(s => s.Name == definition.Name) is { } twin)
            {
                problems.Add($"{file}:1: service name '{definition.Name}' is already used by {twin.SourcePath}");
                continue;
            }

            foreach (var alias in definition.Aliases)
            {
                // A path must lead to one job list: neither the same path nor one inside another service's.
                if (services.SelectMany(s => s.Aliases.Select(a => (Service: s, Alias: a))).FirstOrDefault(other => Overlap(alias, other.Alias)) is { Service: not null } clash)
                {
                    problems.Add($"{file}:1: alias '{alias}' overlaps '{clash.Alias}' of {clash.Service.SourcePath}");
                }
            }

            services.Add(definition);
        }

        if (problems.Count > 0)
        {
            throw new DefinitionException(problems);
        }

        return new ServiceCatalog(services);
    }

    private static bool Overlap(string one, string other) =>
        string.Equals(one, other, StringComparison.OrdinalIgnoreCase)
        || one.StartsWith(other + "/", StringComparison.OrdinalIgnoreCase)
        || other.StartsWith(one + "/", StringComparison.OrdinalIgnoreCase);
}
