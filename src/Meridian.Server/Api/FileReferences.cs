// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Engine.Lifecycle;
using Meridian.Protocol;
using Meridian.Server.Auth;
using Meridian.Server.Http;
using Microsoft.Win32.SafeHandles;

namespace Meridian.Server.Api;

/// <summary>
/// A file parameter given by reference: its value is the URL of an upload ({job}/parameters/{name}) or a result
/// ({job}/results/{id}) of one of the caller's jobs on this server, as the job's document lists them. The file is
/// read from that job's folder and stored with the new job like an upload, under its original name; nothing is
/// fetched from any other address, another owner's job is refused, and the path is looked up by name in the job's
/// own record, never taken from the URL.
/// </summary>
public static class FileReferences
{
    private const string Accepted = "a file parameter takes an uploaded file, or the URL of an upload or result of one of your jobs on this server";

    /// <summary>The fields without the references, and the files with the referenced ones added.</summary>
    public static async Task<(IReadOnlyList<FormField> Fields, IReadOnlyList<FormUpload> Files)> ResolveAsync(
        HttpContext context, ServiceDefinition definition, IReadOnlyList<FormField> fields, IReadOnlyList<FormUpload> files)
    {
        if (!fields.Any(f => IsReference(definition, f)))
        {
            return (fields, files);
        }

        var manager = context.RequestServices.GetRequiredService<JobManager>();
        var kept = new List<FormField>();
        var resolved = new List<FormUpload>(files);
        foreach (var field in fields)
        {
            if (IsReference(definition, field))
            {
                var parameter = definition.FindParameter(field.Name)!;
                resolved.Add(await ResolveAsync(context, manager, parameter.Name, field.Value.Trim()));
            }
            else
            {
                kept.Add(field);
            }
        }

        return (kept, resolved);
    }

    private static bool IsReference(ServiceDefinition definition, FormField field) =>
        field.Value.Length > 0 && definition.FindParameter(field.Name) is { Type: ParameterType.File };

    private static async Task<FormUpload> ResolveAsync(HttpContext context, JobManager manager, string name, string reference)
    {
        var (service, jobId, kind, item) = Parse(context.Request, name, reference);
        var definition = manager.Catalog.Find(service) ?? throw Refused(400, name, $"no service is named '{service}' on this server");
        var job = await manager.GetAsync(definition, jobId, ownerId: null, context.RequestAborted, anyOwner: true)
            ?? throw Refused(400, name, $"no job '{jobId}' in {service} (it may have been destroyed)");
        if (!Caller.Of(context).MayUse(job.OwnerId))
        {
            throw Refused(403, name, $"job '{jobId}' belongs to another user: only your own jobs' files can be used");
        }

        string relative;
        string fileName;
        string? contentType;
        if (kind == "results")
        {
            var result = job.Results.FirstOrDefault(r => r.Id == item)
                ?? throw Refused(400, name, job.Results.Count == 0
                    ? $"job '{jobId}' has no results (it is {job.Phase.ToWire()})"
                    : $"job '{jobId}' has no result '{item}' (it has: {string.Join(", ", job.Results.Select(r => r.Id))})");
            (relative, fileName, contentType) = (result.RelativePath, Path.GetFileName(result.RelativePath), result.MimeType);
        }
        else
        {
            var parameter = job.Parameters.FirstOrDefault(p => string.Equals(p.Name, item, StringComparison.OrdinalIgnoreCase));
            if (parameter?.Upload is not { } upload)
            {
                throw Refused(400, name, parameter is null
                    ? $"job '{jobId}' has no parameter '{item}'"
                    : $"parameter '{item}' of job '{jobId}' is a value, not a file");
            }

            (relative, fileName, contentType) = (upload.RelativePath, upload.FileName.Length > 0 ? upload.FileName : Path.GetFileName(upload.RelativePath), upload.ContentType);
        }

        var path = manager.Workspace(job.Id).Resolve(relative);
        FileStream stream;
        try
        {
            stream = path is null ? throw new FileNotFoundException() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Refused(400, name, $"the file of '{item}' of job '{jobId}' is no longer there");
        }

        // Opened now, so that the source job being destroyed meanwhile cannot leave the new job half-copied. Each
        // reader (a sweep copies the file into every one of its jobs) gets a stream of its own from the start of the
        // file, over the one open handle, which the response closes.
        context.Response.RegisterForDispose(stream);
        return new FormUpload(name, fileName, stream.Length, contentType,
            () => new FileStream(new SafeFileHandle(stream.SafeFileHandle.DangerousGetHandle(), ownsHandle: false), FileAccess.Read));
    }

    /// <summary>The service, job, kind (parameters or results) and item named by a URL of this server's job lists.</summary>
    private static (string Service, string JobId, string Kind, string Item) Parse(HttpRequest request, string name, string reference)
    {
        if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Refused(400, name, $"'{Shorten(reference)}' is not a URL: {Accepted}");
        }

        if (!string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(400, name, $"{uri.Scheme}://{uri.Authority} is not this server ({request.Scheme}://{request.Host}); it fetches files from no other address");
        }

        // The URL as sent, before any normalisation: a dot segment, plain or percent-encoded, is refused, not resolved.
        var rawPath = reference[(reference.IndexOf(uri.Authority, StringComparison.OrdinalIgnoreCase) + uri.Authority.Length)..];
        rawPath = rawPath.Split('?', '#')[0];
        var prefix = $"{request.PathBase}/uws/";
        if (!rawPath.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Refused(400, name, $"'{Shorten(reference)}' is not the URL of a job's file: {Accepted}");
        }

        var segments = rawPath[prefix.Length..].Split('/').Select(Uri.UnescapeDataString).ToList();
        if (segments.Any(s => s is "" or "." or ".." || s.Contains('/', StringComparison.Ordinal) || s.Contains('\\', StringComparison.Ordinal)))
        {
            throw Refused(400, name, $"'{Shorten(reference)}' holds an empty, '.' or '..' segment or an encoded slash: a reference names a job's file, never a path");
        }

        if (segments.Count < 4 || segments[2] is not ("parameters" or "results") || (segments[2] == "parameters" && segments.Count != 4))
        {
            throw Refused(400, name, $"'{Shorten(reference)}' is not the URL of a job's file ({{job}}/parameters/{{name}} or {{job}}/results/{{id}})");
        }

        // A result id may hold slashes (a glob result keeps its folders); an upload is named by its parameter.
        return (segments[0], segments[1], segments[2], string.Join('/', segments.Skip(3)));
    }

    private static RequestRejectedException Refused(int status, string name, string reason) => new(status, $"{name}: {reason}");

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");
}
