// SPDX-License-Identifier: MIT
namespace Meridian.Server.Tests;

/// <summary>What the tests read beside the HTTP interface: files a job writes, and whether its processes live.</summary>
public static class JobFiles
{
    /// <summary>The job id at the end of a job URL.</summary>
    public static string JobId(string jobUrl) => jobUrl[(jobUrl.LastIndexOf('/') + 1)..];

    /// <summary>Waits (up to 10 s) until the file exists and is not empty, and returns its content.</summary>
    public static async Task<string> WaitForFileAsync(string path)
    {
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(path) && new FileInfo(path).Length > 0)
            {
                return await File.ReadAllTextAsync(path);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{path} did not appear");
    }

    /// <summary>True while the process exists and is not a zombie waiting for its parent.</summary>
    public static bool IsRunning(string pid) =>
        Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    /// <summary>Fails unless each process of the space-separated list ends within a few seconds.</summary>
    public static async Task AssertProcessesEndAsync(string pids)
    {
        foreach (var pid in pids.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            for (var i = 0; i < 60 && IsRunning(pid); i++)
            {
                await Task.Delay(100);
            }

            Assert.False(IsRunning(pid), $"process {pid} of the job is still running");
        }
    }
}
