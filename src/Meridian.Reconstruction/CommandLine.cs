// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Meridian.Reconstruction;

/// <summary>
/// The program's arguments: <c>meridian-reconstruct [options] INPUT.fits OUTPUT.fits</c>. Typed options override the
/// file's INPUT PARAM; <c>--cli-options</c> takes the option string of an OImaging client, read by <see cref="ClientOptions"/>.
/// </summary>
internal sealed record CommandLine(
    string Input, string Output, string Progress, string History, string Preview, string? LogFile, string? ClientOptionString,
    int? MaxIter, string? Regulariser, double? Weight, double? FovMas, int? Pixels, string? InitFile, double? Threshold)
{
    /// <summary>The code a client asked for (OImaging's "software": bsmem-ci, mira-ci …); only logged, this program serves them all.</summary>
    public string? Software { get; init; }

    public const string Usage =
        "usage: meridian-reconstruct [--maxiter N] [--threshold T] [--regulariser smoothness|mem|tv] [--weight MU] [--fov MAS] [--pixels N]\n" +
        "                            [--init IMAGE.fits] [--cli-options \"-maxiter=N ...\"] [--software NAME] [--progress FILE] [--history FILE.csv]\n" +
        "                            [--preview FILE.png] [--log FILE] INPUT.fits OUTPUT.fits";

    /// <summary>Parses the arguments; throws <see cref="UsageException"/> with the reason when they are wrong.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        string[] known = ["--maxiter", "--threshold", "--regulariser", "--weight", "--fov", "--pixels", "--init", "--cli-options", "--software", "--progress", "--history", "--preview", "--log"];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!known.Contains(arg))
                {
                    throw new UsageException($"unknown option {arg}");
                }

                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"{arg} needs a value");
                }

                values[arg] = args[++i];
            }
            else
            {
                positional.Add(arg);
            }
        }

        if (positional.Count != 2)
        {
            throw new UsageException("give the input OIFITS file and the output file");
        }

        return new CommandLine(
            positional[0], positional[1],
            values.GetValueOrDefault("--progress", "progress"),
            values.GetValueOrDefault("--history", "chi2-history.csv"),
            values.GetValueOrDefault("--preview", "preview.png"),
            values.GetValueOrDefault("--log"),
            values.GetValueOrDefault("--cli-options"),
            Integer(values, "--maxiter", 0, 100000),
            values.GetValueOrDefault("--regulariser"),
            Real(values, "--weight", 0, 1e12),
            Real(values, "--fov", 1e-6, 1e6),
            Integer(values, "--pixels", 8, 512),
            values.GetValueOrDefault("--init"),
            Real(values, "--threshold", 0, 1))
        {
            Software = values.GetValueOrDefault("--software"),
        };
    }

    private static int? Integer(Dictionary<string, string> values, string name, int min, int max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} takes an integer from {min} to {max}, not '{text}'");
    }

    private static double? Real(Dictionary<string, string> values, string name, double min, double max)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} takes a number from {min} to {max}, not '{text}'");
    }
}

/// <summary>Wrong arguments: the program prints the reason and the usage and exits 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
