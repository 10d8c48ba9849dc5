// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using Meridian.Protocol;

namespace Meridian.Server.Provenance;

/// <summary>
/// PROV-JSON (the W3C member submission's layout): prefixes, then each kind of record keyed by identifier;
/// relations get blank-node identifiers (_:u1, _:g1 …).
/// </summary>
public static class ProvJsonWriter
{
    public const string MeridianNamespace = "urn:meridian:prov#";

    public static JsonObject Write(ProvenanceRecord record)
    {
        var run = $"job:{record.Activity.Id}";
        var activity = new JsonObject
        {
            ["prov:type"] = QName("meridian:Job"),
            ["prov:label"] = $"{record.Activity.Service} job",
            ["meridian:service"] = record.Activity.Service,
            ["meridian:phase"] = record.Activity.Phase,
        };
        if (record.Activity.StartTime is { } start)
        {
            activity["prov:startTime"] = UwsTime.Format(start);
        }

        if (record.Activity.EndTime is { } end)
        {
            activity["prov:endTime"] = UwsTime.Format(end);
        }

        foreach (var group in record.Activity.Parameters.GroupBy(p => p.Name))
        {
            var values = group.Select(p => (JsonNode)p.Value).ToArray();
            activity[$"meridian:parameter_{ProvenanceBuilder.Local(group.Key).Replace('/', '_')}"] = values.Length == 1 ? values[0] : new JsonArray(values);
        }

        if (record.Activity.Error is not null)
        {
            activity["meridian:errorSummary"] = record.Activity.Error;
        }

        var entities = new JsonObject();
        var used = new JsonObject();
        var generated = new JsonObject();
        var attributed = new JsonObject();
        var owner = $"server:{record.Owner.Id}";
        foreach (var (entity, index) in record.Used.Select((e, i) => (e, i + 1)))
        {
            entities[$"job:{entity.Id}"] = Entity(entity, "meridian:Upload");
            used[$"_:u{index}"] = new JsonObject { ["prov:activity"] = run, ["prov:entity"] = $"job:{entity.Id}", ["prov:role"] = entity.Role };
        }

        foreach (var (entity, index) in record.Generated.Select((e, i) => (e, i + 1)))
        {
            entities[$"job:{entity.Id}"] = Entity(entity, "meridian:Result");
            var generation = new JsonObject { ["prov:entity"] = $"job:{entity.Id}", ["prov:activity"] = run };
            if (record.Activity.EndTime is { } generatedAt)
            {
                generation["prov:time"] = UwsTime.Format(generatedAt);
            }

            generated[$"_:g{index}"] = generation;
            attributed[$"_:t{index}"] = new JsonObject { ["prov:entity"] = $"job:{entity.Id}", ["prov:agent"] = owner };
        }

        return new JsonObject
        {
            ["prefix"] = new JsonObject
            {
                ["job"] = record.JobUrl + "/",
                ["server"] = record.ServerUrl + "/",
                ["meridian"] = MeridianNamespace,
            },
            ["activity"] = new JsonObject { [run] = activity },
            ["entity"] = entities,
            ["agent"] = new JsonObject
            {
                [owner] = Agent(record.Owner),
                [$"server:{record.Software.Id}"] = Agent(record.Software),
            },
            ["used"] = used,
            ["wasGeneratedBy"] = generated,
            ["wasAssociatedWith"] = new JsonObject
            {
                ["_:a1"] = new JsonObject { ["prov:activity"] = run, ["prov:agent"] = owner, ["prov:role"] = "owner" },
                ["_:a2"] = new JsonObject { ["prov:activity"] = run, ["prov:agent"] = $"server:{record.Software.Id}", ["prov:role"] = "code" },
            },
            ["wasAttributedTo"] = attributed,
        };
    }

    private static JsonObject Entity(ProvEntity entity, string type)
    {
        var node = new JsonObject
        {
            ["prov:type"] = QName(type),
            ["prov:label"] = entity.Label,
            ["prov:location"] = entity.Location,
            ["meridian:sha256"] = entity.Sha256,
            ["meridian:size"] = entity.Size,
        };
        if (entity.MediaType is not null)
        {
            node["meridian:mediaType"] = entity.MediaType;
        }

        return node;
    }

    private static JsonObject Agent(ProvAgent agent)
    {
        var json = new JsonObject { ["prov:type"] = QName(agent.Type), ["prov:label"] = agent.Label };
        if (agent.Version is { } version)
        {
            json["meridian:version"] = version;
        }

        return json;
    }

    private static JsonObject QName(string name) => new() { ["$"] = name, ["type"] = "xsd:QName" };
}
