// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Microsoft.Extensions.FileSystemGlobbing;

namespace Meridian.Engine.Lifecycle;

/// <summary>
/// Finds a finished job's result files: each declared path or glob under the working directory (never
/// outside it, links included), then stdout and stderr unless the service leaves them out.
/// </summary>
public static class ResultCollector
{
    public static IReadOnlyList<JobResult> Collect(ServiceDefinition service, JobWorkspace workspace)
    {
        var results = new List<JobResult>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declared in service.Results)
        {
            if (declared.Path is { } path)
            {
                Add(results, ids, workspace, declared.Name, Path.Combine(JobWorkspace.WorkFolder, path), declared.MimeType);
                continue;
            }

            if (!Directory.Exists(workspace.Work))
            {
                continue;
            }

            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(declared.Glob!);
            foreach (var match in matcher.GetResultsInFullPath(workspace.Work).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(workspace.Work, match);
                // Each matched file is a result of its own, named by its path in the working directory.
                Add(results, ids, workspace, relative, Path.Combine(JobWorkspace.WorkFolder, relative), declared.MimeType);
            }
        }

        // A client that accepts only the results it knows (OImaging) needs the streams left out; they stay at {job}/error.
        if (service.ListStreams)
        {
            Add(results, ids, workspace, "stdout", JobWorkspace.StdoutFile, "text/plain");
            Add(results, ids, workspace, "stderr", JobWorkspace.StderrFile, "text/plain");
        }

        return results;
    }

    private static void Add(List<JobResult> results, HashSet<string> ids, JobWorkspace workspace, string id, string relativePath, string mimeType)
    {
        var full = workspace.Resolve(relativePath);
        if (full is null || !File.Exists(full) || !ids.Add(id))
        {
            return;
        }

        results.Add(new JobResult(id, relativePath, mimeType, new FileInfo(full).Length));
    }
}
