// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Execution;

/// <summary>
/// The folders and files of one job under the data directory: inputs/ (uploads), work/ (the working
/// directory, where results appear), stdout and stderr. Every path handed out stays inside Root.
/// </summary>
public sealed class JobWorkspace
{
    public const string StdoutFile = "stdout.txt";
    public const string StderrFile = "stderr.txt";
    public const string WorkFolder = "work";
    public const string InputsFolder = "inputs";

    public JobWorkspace(string jobsDirectory, string jobId)
    {
        Root = Path.Combine(jobsDirectory, jobId);
    }

    public string Root { get; }
    public string Work => Path.Combine(Root, WorkFolder);
    public string Inputs => Path.Combine(Root, InputsFolder);
    public string Stdout => Path.Combine(Root, StdoutFile);
    public string Stderr => Path.Combine(Root, StderrFile);

    /// <summary>
    /// The absolute path of a file named relative to Root, or null when it would leave Root, through ".."
    /// or through a symbolic link pointing elsewhere.
    /// </summary>
    public string? Resolve(string relativePath)
    {
        if (Path.IsPathRooted(relativePath))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!IsInside(full, Root))
        {
            return null;
        }

        // A symbolic link anywhere on the way (work/out -> /etc) could lead outside: check each step.
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        foreach (var part in Path.GetRelativePath(current, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !IsInside(target.FullName, Root))
                {
                    return null;
                }
            }
        }

        return full;
    }

    /// <summary>
    /// Deletes the folder and all in it. Two deletions may run at once, and an upload may add a file while
    /// the folder is emptied: a folder already gone is fine, and one that gained a file is emptied again.
    /// </summary>
    public void Delete()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // "Directory not empty": something was written into it meanwhile.
            }
        }
    }

    internal static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }
}
