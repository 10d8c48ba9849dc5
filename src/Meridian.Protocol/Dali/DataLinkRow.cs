// SPDX-License-Identifier: MIT
namespace Meridian.Protocol.Dali;

/// <summary>
/// One link of a DataLink 1.1 {links} table: what it is about (ID), where to get it, what it means for that dataset
/// (semantics, a term of the datalink-core vocabulary such as #this, #preview, #progenitor, #auxiliary), and its
/// type and size when known.
/// </summary>
public sealed record DataLinkRow(string Id, string AccessUrl, string Semantics, string? Description, string? ContentType, long? ContentLength)
{
    /// <summary>A narrower, service-specific meaning (DataLink 1.1's local_semantics), such as "provenance" or "stderr".</summary>
    public string? LocalSemantics { get; init; }
}
