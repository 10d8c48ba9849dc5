// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;

namespace Meridian.Server.Api;

/// <summary>The children of a job that can be read: atomic values as text/plain, parameters and results as UWS XML.</summary>
public static class JobPropertyEndpoints
{
    private const string JobRoute = "/uws/{service}/{jobId}";

    public static IEndpointRouteBuilder MapJobProperties(this IEndpointRouteBuilder app)
    {
        app.MapGet(JobRoute + "/phase", async (string service, string jobId, HttpContext context, JobManager manager) =>
            PlainText.Value((await JobLookup.JobAsync(manager, context, service, jobId)).Job.Phase.ToWire()));
        app.MapGet(JobRoute + "/executionduration", async (string service, string jobId, HttpContext context, JobManager manager) =>
            PlainText.Value((await JobLookup.JobAsync(manager, context, service, jobId)).Job.ExecutionDuration.ToString(CultureInfo.InvariantCulture)));
        app.MapGet(JobRoute + "/destruction", async (string service, string jobId, HttpContext context, JobManager manager) =>
            PlainText.Value(Time((await JobLookup.JobAsync(manager, context, service, jobId)).Job.Destruction)));
        app.MapGet(JobRoute + "/quote", async (string service, string jobId, HttpContext context, JobManager manager) =>
            PlainText.Value(Time(JobDocuments.Quote((await JobLookup.JobAsync(manager, context, service, jobId)).Job))));
        app.MapGet(JobRoute + "/owner", async (string service, string jobId, HttpContext context, JobManager manager) =>
            PlainText.Value((await JobLookup.JobAsync(manager, context, service, jobId)).Job.OwnerId));
        app.MapGet(JobRoute + "/error", GetErrorAsync);
        app.MapGet(JobRoute + "/parameters", GetParametersAsync);
        app.MapGet(JobRoute + "/parameters/{name}", GetParameterAsync);
        return app;
    }

    /// <summary>
    /// The error summary, then the job's whole stderr: the detail that errorSummary's hasDetail promises (and, for a
    /// service whose results leave out stdout and stderr, both streams once the job has ended, whatever its phase). As plain
    /// text, or as a DALI error VOTable when the service's error_format says so or the client asks for a VOTable.
    /// </summary>
    public static async Task<IResult> GetErrorAsync(string service, string jobId, HttpContext context, JobManager manager)
    {
        var (definition, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        string? message = null;
        var workspace = manager.Workspace(job.Id);
        if (job.Error is not null)
        {
            var detail = await ReadAsync(workspace.Stderr, context.RequestAborted);
            message = detail.Length == 0 ? job.Error.Message + "\n" : $"{job.Error.Message}\n\n--- stderr ---\n{detail}";
        }
        else if (!definition.ListStreams && PhaseTransitions.IsTerminal(job.Phase))
        {
            // The streams are not results of this service, so this is where they are read, whatever the outcome.
            var stderr = await ReadAsync(workspace.Stderr, context.RequestAborted);
            message = stderr.Length == 0 ? null : $"--- stderr ---\n{stderr}";
        }

        if (!definition.ListStreams && PhaseTransitions.IsTerminal(job.Phase) && await ReadAsync(workspace.Stdout, context.RequestAborted) is { Length: > 0 } stdout)
        {
            message = $"{message}{(message is null ? "" : "\n")}--- stdout ---\n{stdout}";
        }

        return ErrorDocument.Negotiate(context.Request, definition.ErrorFormat) == ErrorFormat.Votable
            ? new ErrorVotable(message)
            : PlainText.Value(message ?? "");
    }

    public static async Task<IResult> GetParametersAsync(string service, string jobId, HttpContext context, JobManager manager)
    {
        var (_, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        return UwsDocument.Parameters(JobDocuments.Parameters(JobDocuments.JobUrl(context.Request, service, job.Id), job));
    }

    /// <summary>One parameter: an upload is served as the file it is; a value as text, one item per line.</summary>
    public static async Task<IResult> GetParameterAsync(string service, string jobId, string name, HttpContext context, JobManager manager)
    {
        var (_, job) = await JobLookup.JobAsync(manager, context, service, jobId);
        var parameter = job.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new RequestRejectedException(StatusCodes.Status404NotFound, $"The job has no parameter '{name}'.");
        if (parameter.Upload is not { } upload)
        {
            return PlainText.Value(string.Join('\n', parameter.Values));
        }

        var path = manager.Workspace(job.Id).Resolve(upload.RelativePath);
        return path is null || !File.Exists(path)
            ? PlainText.NotFound($"The uploaded file of '{name}' is no longer there.")
            : FileDownload.Send(context, path, upload.ContentType ?? "application/octet-stream", upload.FileName.Length > 0 ? upload.FileName : null);
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellation) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellation) : "";

    private static string Time(DateTimeOffset? instant) => instant is { } value ? UwsTime.Format(value) : "";
}
