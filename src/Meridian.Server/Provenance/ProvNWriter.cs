// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Meridian.Protocol;

namespace Meridian.Server.Provenance;

/// <summary>PROV-N, the W3C provenance notation: the same records as the PROV-JSON, one statement a line.</summary>
public static class ProvNWriter
{
    public const string MediaType = "text/provenance-notation";

    public static string Write(ProvenanceRecord record)
    {
        var text = new StringBuilder();
        var run = $"job:{record.Activity.Id}";
        var owner = $"server:{record.Owner.Id}";
        var software = $"server:{record.Software.Id}";
        text.Append("document\n")
            .Append($"  prefix job <{record.JobUrl}/>\n")
            .Append($"  prefix server <{record.ServerUrl}/>\n")
            .Append($"  prefix meridian <{ProvJsonWriter.MeridianNamespace}>\n\n");

        var attributes = new List<string>
        {
            "prov:type='meridian:Job'", $"prov:label={Literal(record.Activity.Service + " job")}",
            $"meridian:service={Literal(record.Activity.Service)}", $"meridian:phase={Literal(record.Activity.Phase)}",
        };
        attributes.AddRange(record.Activity.Parameters.Select(p => $"meridian:parameter_{ProvenanceBuilder.Local(p.Name).Replace('/', '_')}={Literal(p.Value)}"));
        if (record.Activity.Error is not null)
        {
            attributes.Add($"meridian:errorSummary={Literal(record.Activity.Error)}");
        }

        text.Append($"  activity({run}, {Time(record.Activity.StartTime)}, {Time(record.Activity.EndTime)}, [{string.Join(", ", attributes)}])\n");
        foreach (var entity in record.Used)
        {
            text.Append($"  entity(job:{entity.Id}, {Attributes(entity, "meridian:Upload")})\n")
                .Append($"  used({run}, job:{entity.Id}, {Time(record.Activity.StartTime)}, [prov:role={Literal(entity.Role)}])\n");
        }

        foreach (var entity in record.Generated)
        {
            text.Append($"  entity(job:{entity.Id}, {Attributes(entity, "meridian:Result")})\n")
                .Append($"  wasGeneratedBy(job:{entity.Id}, {run}, {Time(record.Activity.EndTime)})\n")
                .Append($"  wasAttributedTo(job:{entity.Id}, {owner})\n");
        }

        text.Append($"  agent({owner}, [prov:type='{record.Owner.Type}', prov:label={Literal(record.Owner.Label)}])\n")
            .Append($"  agent({software}, [prov:type='{record.Software.Type}', prov:label={Literal(record.Software.Label)}")
            .Append(record.Software.Version is { } version ? $", meridian:version={Literal(version)}" : "").Append("])\n")
            .Append($"  wasAssociatedWith({run}, {owner}, -, [prov:role={Literal("owner")}])\n")
            .Append($"  wasAssociatedWith({run}, {software}, -, [prov:role={Literal("code")}])\n")
            .Append("endDocument\n");
        return text.ToString();
    }

    private static string Attributes(ProvEntity entity, string type)
    {
        var attributes = new List<string>
        {
            $"prov:type='{type}'", $"prov:label={Literal(entity.Label)}", $"prov:location={Literal(entity.Location)}",
            $"meridian:sha256={Literal(entity.Sha256)}",
            $"meridian:size=\"{entity.Size.ToString(CultureInfo.InvariantCulture)}\" %% xsd:long",
        };
        if (entity.MediaType is not null)
        {
            attributes.Add($"meridian:mediaType={Literal(entity.MediaType)}");
        }

        return $"[{string.Join(", ", attributes)}]";
    }

    private static string Time(DateTimeOffset? instant) => instant is { } value ? UwsTime.Format(value) : "-";

    private static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
