// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace Meridian.Cli.Client;

/// <summary>What every client command takes: the URL it works on, --json and --token.</summary>
public sealed class ClientOptions
{
    private static readonly HashSet<string> UrlNames = new(StringComparer.Ordinal) { "SERVER", "JOBLIST", "JOB" };

    public Option<bool> Json { get; } = new("--json") { Description = "machine-readable output" };

    public Option<string?> Token { get; } = new("--token") { Description = "an API token, sent as a Bearer token" };

    /// <summary>The URL argument of a command: SERVER (http://host:8080), JOBLIST ({server}/uws/NAME) or JOB.</summary>
    public static Argument<string> Url(string name, string description)
    {
        if (!UrlNames.Contains(name))
        {
            throw new ArgumentException($"a client command's URL is one of {string.Join(", ", UrlNames)}", nameof(name));
        }

        return new Argument<string>(name) { Description = description };
    }

    public static bool IsUrl(Argument argument) => UrlNames.Contains(argument.Name);

    /// <summary>A client command with its URL argument and the shared options.</summary>
    public Command Command(string name, string description, Argument<string> url) => new(name, description) { url, Json, Token };
}
