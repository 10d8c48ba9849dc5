// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Protocol;

namespace Meridian.Engine.Execution;

/// <summary>
/// The progress convention: a job appends lines "fraction message" (fraction in [0, 1]) to the file
/// "progress" in its working directory; the last well-formed line is its progress.
/// </summary>
public static class ProgressFile
{
    public const string FileName = "progress";
    private const int TailBytes = 1024;

    public static JobProgress? Read(JobWorkspace workspace)
    {
        var path = workspace.Resolve(Path.Combine(JobWorkspace.WorkFolder, FileName));
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(Math.Max(0, stream.Length - TailBytes), SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Reverse().Select(Parse).FirstOrDefault(progress => progress is not null);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static JobProgress? Parse(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? line : line[..space];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !double.IsFinite(fraction))
        {
            return null;
        }

        var message = space < 0 ? null : line[(space + 1)..].Trim();
        return new JobProgress(Math.Clamp(fraction, 0, 1), string.IsNullOrEmpty(message) ? null : message[..Math.Min(message.Length, 200)]);
    }
}
