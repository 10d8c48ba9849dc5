// SPDX-License-Identifier: MIT
namespace Meridian.Execution.Slurm;

/// <summary>
/// Finds a job's program the way the job's shell will: a path with a slash is taken as is (relative to the
/// working directory), a bare name is looked for on the PATH the job inherits.
/// </summary>
internal static class ProgramLocator
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static bool Exists(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        if (program.Length == 0)
        {
            return false;
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutableFile(Path.Combine(workingDirectory, program));
        }

        var path = environment.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':').Select(folder => folder.Length == 0 ? workingDirectory : folder)
            .Any(folder => IsExecutableFile(Path.Combine(folder, program)));
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0);
}
