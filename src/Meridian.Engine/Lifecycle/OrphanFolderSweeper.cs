// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Removes job folders whose job is not in the store: what a crash between deleting a row and its files, or
/// between writing uploads and storing a new job, leaves on disk. Such folders count in no quota, so they
/// would otherwise stay for ever. Only folders named like a job id, untouched for OrphanFolderAge, are removed.
/// </summary>
public sealed class OrphanFolderSweeper(
    IJobStore store, IOptions<MeridianOptions> options, TimeProvider time, ILogger<OrphanFolderSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OrphanSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.OrphanSweepFailed(logger, exception);
            }
        }
    }

    /// <summary>One pass: returns how many folders were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var jobs = new DirectoryInfo(options.Value.JobsDirectory);
        if (!jobs.Exists)
        {
            return 0;
        }

        var before = time.GetUtcNow() - options.Value.OrphanFolderAge;
        var removed = 0;
        foreach (var folder in jobs.EnumerateDirectories())
        {
            if (!JobId.IsWellFormed(folder.Name) || LastChange(folder) > before
                || await store.GetAsync(folder.Name, cancellationToken) is not null)
            {
                continue;
            }

            new JobWorkspace(jobs.FullName, folder.Name).Delete();
            Log.OrphanFolderRemoved(logger, folder.Name);
            removed++;
        }

        return removed;
    }

    /// <summary>The latest write to the folder or anything in it (an upload being written keeps it young).</summary>
    private static DateTimeOffset LastChange(DirectoryInfo folder)
    {
        var latest = new DateTimeOffset(folder.LastWriteTimeUtc);
        try
        {
            foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
            {
                if (entry.LastWriteTimeUtc > latest)
                {
                    latest = entry.LastWriteTimeUtc;
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // Removed meanwhile.
        }

        return latest;
    }
}
