// SPDX-License-Identifier: MIT
namespace Meridian.Server.Provenance;

/// <summary>
/// What one finished job's provenance holds, in W3C PROV terms: one activity (the job's run), the entities it
/// used (uploaded files) and generated (result files), and its agents (the owner, and the service as software).
/// Identifiers are local names: the activity and entities in the job's own namespace (its URL), the agents in the
/// server's (its root URL), so they are unique across servers.
/// </summary>
public sealed record ProvenanceRecord(
    string JobUrl,
    string ServerUrl,
    ProvActivity Activity,
    IReadOnlyList<ProvEntity> Used,
    IReadOnlyList<ProvEntity> Generated,
    ProvAgent Owner,
    ProvAgent Software);

/// <summary>The job's run: service, final phase, times, and every parameter value as used (defaults included).</summary>
public sealed record ProvActivity(
    string Id, string Service, string Phase, DateTimeOffset? StartTime, DateTimeOffset? EndTime,
    IReadOnlyList<(string Name, string Value)> Parameters, string? Error);

/// <summary>A file: its name (label), where it can be fetched, its content's SHA-256 (hex) and size, and its role in the job.</summary>
public sealed record ProvEntity(string Id, string Label, string Location, string Sha256, long Size, string? MediaType, string Role);

/// <summary>An agent: a person (the owner, "anonymous" without authentication) or a piece of software (the wrapped code).</summary>
public sealed record ProvAgent(string Id, string Label, string Type)
{
    /// <summary>For the software agent, the wrapped code's version when its definition states one.</summary>
    public string? Version { get; init; }
}
