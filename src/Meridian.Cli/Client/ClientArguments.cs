// SPDX-License-Identifier: MIT
namespace Meridian.Cli.Client;

/// <summary>
/// A client command line split into its positional words and its options (--json, --wait, --run as flags;
/// --phase, --after, --last, --out, --timeout, --token with a value; --phase may repeat).
/// </summary>
public sealed class ClientArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--json", "--wait", "--run" };
    private static readonly HashSet<string> Valued = new(StringComparer.Ordinal) { "--phase", "--after", "--last", "--out", "--timeout", "--token" };

    public List<string> Words { get; } = [];
    public HashSet<string> Given { get; } = new(StringComparer.Ordinal);
    public List<(string Name, string Value)> Values { get; } = [];

    public bool Json => Given.Contains("--json");

    public string? Value(string name) => Values.LastOrDefault(v => v.Name == name).Value;

    public IEnumerable<string> All(string name) => Values.Where(v => v.Name == name).Select(v => v.Value);

    /// <summary>Null with a reason when an option is unknown or lacks its value.</summary>
    public static ClientArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        var parsed = new ClientArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (Flags.Contains(word))
            {
                parsed.Given.Add(word);
            }
            else if (Valued.Contains(word))
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"{word} needs a value";
                    return null;
                }

                parsed.Values.Add((word, args[++i]));
            }
            else if (word.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unknown option {word}";
                return null;
            }
            else
            {
                parsed.Words.Add(word);
            }
        }

        return parsed;
    }
}
