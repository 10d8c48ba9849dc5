// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;

namespace Meridian.Server.Operations;

/// <summary>Spelling for the Prometheus text exposition format 0.0.4: metric names, labels and numbers.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>An OpenTelemetry-style name (http.server.request.duration, unit s) as Prometheus spells it.</summary>
    public static string MetricName(string instrument, string? unit)
    {
        var name = Sanitize(instrument);
        return unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal) ? name + "_seconds" : name;
    }

    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return builder.Length > 0 && char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }

    public static string Labels(IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Join(',', tags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{Sanitize(t.Key)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "")}\""));

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>name{labels} value, with the braces left out when there are no labels.</summary>
    public static void Sample(StringBuilder output, string name, string labels, double value) =>
        output.Append(name).Append(labels.Length > 0 ? $"{{{labels}}}" : "").Append(' ').Append(Number(value)).Append('\n');

    public static void Header(StringBuilder output, string name, string type, string? help)
    {
        if (!string.IsNullOrEmpty(help))
        {
            output.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
        }

        output.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public static string Join(string labels, string more) => labels.Length == 0 ? more : $"{labels},{more}";
}
