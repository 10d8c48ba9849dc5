// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Meridian.Server.Api;

/// <summary>The children of a job that can be read: atomic values as text/plain, parameters and results as UWS XML.</summary>
public static class JobPropertyEndpoints
{
    public static IEndpointRouteBuilder MapJobProperties(this IEndpointRouteBuilder app)
    {
        var job = app.MapJobGroup();
        job.MapGet("/phase", (OwnedJob owned) => PlainText.Value(owned.Job.Phase.ToWire()));
        job.MapGet("/executionduration", (OwnedJob owned) => PlainText.Value(owned.Job.ExecutionDuration.ToString(CultureInfo.InvariantCulture)));
        job.MapGet("/destruction", (OwnedJob owned) => PlainText.Value(Time(owned.Job.Destruction)));
        job.MapGet("/quote", (OwnedJob owned) => PlainText.Value(Time(JobDocuments.Quote(owned.Job))));
        job.MapGet("/owner", (OwnedJob owned) => PlainText.Value(owned.Job.OwnerId));
        job.MapGet("/error", GetErrorAsync);
        job.MapGet("/parameters", GetParameters);
        job.MapGet("/parameters/{name}", GetParameter);
        return app;
    }

    /// <summary>
    /// The error summary, then the job's whole stderr: the detail that errorSummary's hasDetail promises (and, for a
    /// service whose results leave out stdout and stderr, both streams once the job has ended, whatever its phase). As plain
    /// text, or as a DALI error VOTable when the service's error_format says so or the client asks for a VOTable.
    /// </summary>
    public static async Task<Results<ErrorVotable, ContentHttpResult>> GetErrorAsync(OwnedJob owned, HttpContext context, JobManager manager)
    {
        var (definition, job) = owned;
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

    public static UwsDocument GetParameters(OwnedJob owned, HttpContext context) =>
        UwsDocument.Parameters(JobDocuments.Parameters(JobDocuments.JobUrl(context.Request, owned.Service.Name, owned.Job.Id), owned.Job));

    /// <summary>One parameter: an upload is served as the file it is; a value as text, one item per line.</summary>
    public static Results<ContentHttpResult, PhysicalFileHttpResult> GetParameter(OwnedJob owned, string name, HttpContext context, JobManager manager)
    {
        var job = owned.Job;
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
