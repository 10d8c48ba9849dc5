// SPDX-License-Identifier: MIT
using System.Xml.Linq;

namespace Meridian.Cli.Client;

/// <summary>Reads the UWS 1.1 documents any UWS server sends: a job, a job list, a results list.</summary>
public static class UwsDocuments
{
    public static readonly XNamespace Uws = "http://www.ivoa.net/xml/UWS/v1.0";
    public static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    public static readonly IReadOnlySet<string> ActivePhases = new HashSet<string>(StringComparer.Ordinal) { "PENDING", "QUEUED", "EXECUTING", "HELD", "SUSPENDED" };

    public static string Phase(XDocument job) => job.Root!.Element(Uws + "phase")?.Value ?? "UNKNOWN";

    public static string? Value(XElement element, string name) =>
        element.Element(Uws + name) is { } child && child.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "nil")?.Value != "true" ? child.Value : null;

    public static IEnumerable<(string Id, string Href)> Results(XElement container) =>
        (container.Name == Uws + "results" ? container : container.Element(Uws + "results"))?.Elements(Uws + "result")
            .Select(r => (r.Attribute("id")!.Value, r.Attribute(Xlink + "href")?.Value ?? "")) ?? [];

    public static IEnumerable<(string Id, string Value)> Parameters(XElement job) =>
        job.Element(Uws + "parameters")?.Elements(Uws + "parameter").Select(p => (p.Attribute("id")!.Value, p.Value)) ?? [];

    public static IEnumerable<(string Id, string Phase, string Href, string? Created)> JobRefs(XDocument list) =>
        list.Root!.Elements(Uws + "jobref").Select(j => (j.Attribute("id")!.Value, Value(j, "phase") ?? "", j.Attribute(Xlink + "href")?.Value ?? "", Value(j, "creationTime")));
}
