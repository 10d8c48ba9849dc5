// SPDX-License-Identifier: MIT
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Server.Api;

/// <summary>Turns stored jobs into their UWS representations, with absolute URLs for this request's host.</summary>
public static class JobDocuments
{
    /// <summary>The job list's URL as this request reached it: under /uws/, or under the alias it came through.</summary>
    public static string JobListUrl(HttpRequest request, string service) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{JobListAliases.AliasOf(request.HttpContext, service) ?? "/uws/" + Uri.EscapeDataString(service)}";

    public static string JobUrl(HttpRequest request, string service, string jobId) => $"{JobListUrl(request, service)}/{jobId}";

    public static JobSummary Summary(HttpRequest request, Job job, JobProgress? progress = null)
    {
        var jobUrl = JobUrl(request, job.Service, job.Id);
        return new JobSummary
        {
            JobId = job.Id,
            RunId = job.RunId,
            OwnerId = job.OwnerId,
            Phase = job.Phase,
            Quote = Quote(job),
            CreationTime = job.CreationTime,
            StartTime = job.StartTime,
            EndTime = job.EndTime,
            ExecutionDuration = job.ExecutionDuration,
            Destruction = job.Destruction,
            Parameters = Parameters(jobUrl, job),
            Results = Results(jobUrl, job),
            ErrorSummary = job.Error,
            Progress = progress,
        };
    }

    public static IReadOnlyList<ParameterValue> Parameters(string jobUrl, Job job) =>
        job.Parameters.SelectMany(parameter => parameter.Upload is not null
            ? [new ParameterValue(parameter.Name, $"{jobUrl}/parameters/{Uri.EscapeDataString(parameter.Name)}", ByReference: true)]
            : parameter.Values.Select(value => new ParameterValue(parameter.Name, value))).ToList();

    public static IReadOnlyList<ResultReference> Results(string jobUrl, Job job) =>
        job.Results.Select(result => new ResultReference(
            result.Id, $"{jobUrl}/results/{EscapePath(result.Id)}", result.Size, result.MimeType)).ToList();

    /// <summary>A job-list row; <paramref name="jobListUrl"/> is computed once per list, not once per job.</summary>
    public static JobReference Reference(string jobListUrl, JobListEntry entry) =>
        new(entry.Id, $"{jobListUrl}/{entry.Id}", entry.Phase, entry.RunId, entry.OwnerId, entry.CreationTime);

    /// <summary>
    /// The instant the job is expected to be done: while queued in a batch scheduler that says when it will
    /// start it, that start plus the execution duration; while executing, the latest it may run to; once it
    /// ended, when it did. Unknown (nil) otherwise, or when it may run for ever.
    /// </summary>
    public static DateTimeOffset? Quote(Job job) => job.Phase switch
    {
        ExecutionPhase.QUEUED when job.ExecutionDuration > 0 && job.ExpectedStart is { } expected => expected.AddSeconds(job.ExecutionDuration),
        ExecutionPhase.EXECUTING when job.ExecutionDuration > 0 && job.StartTime is { } start => start.AddSeconds(job.ExecutionDuration),
        _ when PhaseTransitions.IsTerminal(job.Phase) => job.EndTime,
        _ => null,
    };

    private static string EscapePath(string id) => string.Join('/', id.Split('/').Select(Uri.EscapeDataString));
}
