// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;
using Meridian.Engine.Execution;
using YamlDotNet.RepresentationModel;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// The keys that let a service meet a client fixed elsewhere (such as the JMMC's OImaging): which exit codes
/// succeed and at which further paths the job list answers.
/// </summary>
public sealed partial class ServiceDefinitionReader
{
    /// <summary>First path segments the server itself answers: an alias there would hide its own resources.</summary>
    public static readonly IReadOnlySet<string> ServerSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "uws", "sync", "web", "api", "describe", "capabilities", "availability", "health", "metrics", "links", "openapi.json",
        ExecutionCallback.RoutePrefix.TrimStart('/'),
    };

    private HashSet<int> ReadSuccessExitCodes(YamlNode? node)
    {
        var codes = new HashSet<int> { 0 };
        if (node is null)
        {
            return codes;
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
        {
            Problem(node, "success_exit_codes must be a non-empty list of exit codes, such as [0, 1]");
            return codes;
        }

        codes.Clear();
        foreach (var item in sequence.Children)
        {
            // 0 to 255 is what a process can return; a code above 128 usually means killed by a signal.
            if (item is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code <= 255)
            {
                codes.Add(code);
            }
            else
            {
                Problem(item, $"success_exit_codes: '{(item as YamlScalarNode)?.Value}' is not an exit code (a whole number from 0 to 255)");
            }
        }

        return codes;
    }

    private List<string> ReadAliases(YamlNode? node)
    {
        var aliases = new List<string>();
        if (node is null)
        {
            return aliases;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, "aliases must be a list of paths, such as [/OImaging-uws/oimaging/oimaging]");
            return aliases;
        }

        foreach (var item in sequence.Children)
        {
            var path = (item as YamlScalarNode)?.Value ?? "";
            var segments = path.Length > 1 && path[0] == '/' ? path[1..].Split('/') : [];
            if (segments.Length == 0 || !segments.All(segment => AliasSegmentPattern().IsMatch(segment) && segment is not ("." or "..")))
            {
                Problem(item, $"alias '{path}' must be an absolute path of URL-safe segments (letters, digits, '-', '_', '.'), without a trailing '/'");
            }
            else if (ServerSegments.Contains(segments[0]))
            {
                Problem(item, $"alias '{path}' starts with /{segments[0]}, which the server answers itself");
            }
            else if (aliases.Contains(path, StringComparer.OrdinalIgnoreCase))
            {
                Problem(item, $"alias '{path}' is given twice");
            }
            else
            {
                aliases.Add(path);
            }
        }

        return aliases;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex AliasSegmentPattern();
}
