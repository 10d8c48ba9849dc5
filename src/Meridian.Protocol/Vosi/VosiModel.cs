// SPDX-License-Identifier: MIT
namespace Meridian.Protocol.Vosi;

/// <summary>A VOSI availability document: whether the service can be used now, since when, and why not.</summary>
public sealed record Availability(bool Available, DateTimeOffset? UpSince, IReadOnlyList<string> Notes);

/// <summary>A vr:Capability: what the service does (a standard, by its IVOA identifier) and where to call it.</summary>
public sealed record Capability(string StandardId, string? Description, IReadOnlyList<CapabilityInterface> Interfaces);

/// <summary>
/// A vs:ParamHTTP interface: an access URL (full, or the base of longer URLs), the standard's version and role
/// ("std" for the standard interface), and the input parameters it takes.
/// </summary>
public sealed record CapabilityInterface(string AccessUrl, string Use, string? Role = null, string? Version = null)
{
    public IReadOnlyList<InputParam> Parameters { get; init; } = [];
}

/// <summary>A vs:InputParam: a parameter's name, meaning, unit, VOTable-style data type and whether it must be given.</summary>
public sealed record InputParam(string Name, string? Description, string? Unit, string DataType, string? ArraySize, bool Required);
