// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Meridian.Protocol;

/// <summary>
/// Reads the UWS documents any UWS 1.0 or 1.1 server sends (a job, a job list, a results list) into the model
/// the writer takes. It is lenient where servers differ (a phase it does not know is UNKNOWN, a missing time is
/// null) and strict where a document is not UWS at all: that is a FormatException saying what was found.
/// </summary>
public static class UwsXmlReader
{
    private static readonly XNamespace Uws = UwsXmlWriter.UwsNamespace;
    private static readonly XNamespace Xlink = UwsXmlWriter.XlinkNamespace;
    private static readonly XNamespace Xsi = UwsXmlWriter.XsiNamespace;
    private static readonly XNamespace Meridian = UwsXmlWriter.MeridianNamespace;

    public static JobSummary ReadJob(string xml) => ReadJob(Parse(xml));

    public static JobSummary ReadJob(XDocument document)
    {
        var job = Root(document, "job");
        return new JobSummary
        {
            JobId = Value(job, "jobId") ?? throw new FormatException("the UWS job document has no jobId"),
            RunId = Value(job, "runId"),
            OwnerId = Value(job, "ownerId"),
            Phase = Phase(Value(job, "phase")),
            Quote = Time(Value(job, "quote")),
            // A UWS 1.0 job need not say when it was created.
            CreationTime = Time(Value(job, "creationTime")) ?? default,
            StartTime = Time(Value(job, "startTime")),
            EndTime = Time(Value(job, "endTime")),
            ExecutionDuration = int.TryParse(Value(job, "executionDuration"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0,
            Destruction = Time(Value(job, "destruction")),
            Parameters = ReadParameters(job.Element(Uws + "parameters")),
            Results = ReadResults(job.Element(Uws + "results")),
            ErrorSummary = ReadError(job.Element(Uws + "errorSummary")),
            Progress = ReadProgress(job.Element(Uws + "jobInfo")),
        };
    }

    public static IReadOnlyList<JobReference> ReadJobList(string xml) => ReadJobList(Parse(xml));

    public static IReadOnlyList<JobReference> ReadJobList(XDocument document) =>
        [.. Root(document, "jobs").Elements(Uws + "jobref").Select(jobref => new JobReference(
            Attribute(jobref, "id") ?? throw new FormatException("a uws:jobref has no id"),
            jobref.Attribute(Xlink + "href")?.Value ?? "",
            Phase(Value(jobref, "phase")),
            Value(jobref, "runId"),
            Value(jobref, "ownerId"),
            Time(Value(jobref, "creationTime")) ?? default))];

    /// <summary>The results of a {job}/results document.</summary>
    public static IReadOnlyList<ResultReference> ReadResults(string xml) => ReadResults(Root(Parse(xml), "results"));

    private static IReadOnlyList<ResultReference> ReadResults(XElement? results) =>
        results is null ? [] : [.. results.Elements(Uws + "result").Select(result => new ResultReference(
            Attribute(result, "id") ?? throw new FormatException("a uws:result has no id"),
            result.Attribute(Xlink + "href")?.Value ?? "",
            long.TryParse(Attribute(result, "size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null,
            Attribute(result, "mime-type")))];

    private static IReadOnlyList<ParameterValue> ReadParameters(XElement? parameters) =>
        parameters is null ? [] : [.. parameters.Elements(Uws + "parameter").Select(parameter => new ParameterValue(
            Attribute(parameter, "id") ?? throw new FormatException("a uws:parameter has no id"),
            parameter.Value,
            Attribute(parameter, "byReference") == "true"))];

    private static ErrorSummary? ReadError(XElement? error) =>
        error is null ? null : new ErrorSummary(
            Attribute(error, "type") == "fatal" ? ErrorType.Fatal : ErrorType.Transient,
            error.Element(Uws + "message")?.Value ?? "",
            Attribute(error, "hasDetail") == "true");

    private static JobProgress? ReadProgress(XElement? jobInfo) =>
        jobInfo?.Element(Meridian + "progress") is { } progress
        && double.TryParse(Attribute(progress, "fraction"), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction)
            ? new JobProgress(fraction, progress.Value.Length > 0 ? progress.Value : null)
            : null;

    private static XDocument Parse(string xml)
    {
        try
        {
            return XDocument.Parse(xml);
        }
        catch (XmlException exception)
        {
            throw new FormatException($"not an XML document: {exception.Message}", exception);
        }
    }

    private static XElement Root(XDocument document, string name) =>
        document.Root is { } root && root.Name == Uws + name
            ? root
            : throw new FormatException($"expected a UWS {name} document ({{{Uws.NamespaceName}}}{name}), found {document.Root?.Name.ToString() ?? "nothing"}");

    /// <summary>A child's text; null when absent or xsi:nil.</summary>
    private static string? Value(XElement element, string name) =>
        element.Element(Uws + name) is { } child && child.Attribute(Xsi + "nil")?.Value != "true" ? child.Value : null;

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value;

    private static ExecutionPhase Phase(string? text) => ExecutionPhases.TryParse(text?.Trim(), out var phase) ? phase : ExecutionPhase.UNKNOWN;

    private static DateTimeOffset? Time(string? text) => UwsTime.TryParse(text, out var instant) ? instant : null;
}
