// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Net;

namespace Meridian.Server.Tests.Operations;

/// <summary>A /metrics answer parsed as a Prometheus server reads it: samples by name and labels.</summary>
public sealed class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public IReadOnlyList<string> Types { get; private set; } = [];

    public static async Task<PrometheusScrape> GetAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/metrics answered {(int)response.StatusCode}: {body}");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return Parse(body);
    }

    public static PrometheusScrape Parse(string text)
    {
        var scrape = new PrometheusScrape();
        var types = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                types.Add(line);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var value = line[(space + 1)..] == "+Inf" ? double.PositiveInfinity : double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            var brace = series.IndexOf('{');
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (brace >= 0)
            {
                foreach (var pair in series[(brace + 1)..^1].Split("\","))
                {
                    var equals = pair.IndexOf('=');
                    labels[pair[..equals]] = pair[(equals + 2)..].TrimEnd('"');
                }
            }

            scrape._samples.Add((brace >= 0 ? series[..brace] : series, labels, value));
        }

        scrape.Types = types;
        return scrape;
    }

    /// <summary>The value of the one sample with this name whose labels include <paramref name="labels"/>; fails when there is none or several.</summary>
    public double Value(string name, params (string Name, string Value)[] labels)
    {
        var matches = Matching(name, labels).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} samples of {name} with {string.Join(",", labels)}; the scrape has {string.Join("; ", _samples.Where(s => s.Name == name).Select(s => string.Join(",", s.Labels)))}");
        return matches[0];
    }

    /// <summary>The sum over every sample of this name whose labels include <paramref name="labels"/> (0 when none).</summary>
    public double Sum(string name, params (string Name, string Value)[] labels) => Matching(name, labels).Sum();

    private IEnumerable<double> Matching(string name, (string Name, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).Select(s => s.Value);
}
