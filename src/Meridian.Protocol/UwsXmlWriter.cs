// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Xml;

namespace Meridian.Protocol;

/// <summary>
/// Writes UWS 1.1 documents with XmlWriter, one method per element, in the order the schema's
/// sequences demand (quote before creationTime; parameters before results; errorSummary before jobInfo).
/// </summary>
public static class UwsXmlWriter
{
    public const string UwsNamespace = "http://www.ivoa.net/xml/UWS/v1.0";
    public const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    /// <summary>Meridian's own elements inside jobInfo (the schema allows any namespace there).</summary>
    public const string MeridianNamespace = "urn:meridian:uws";
    internal const string SchemaLocation = UwsNamespace + " http://www.ivoa.net/xml/UWS/UWS-v1.1.xsd";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        Async = false,
        // A carriage return in a value is written as &#xD;: written raw, every XML reader turns it into a newline.
        NewLineHandling = NewLineHandling.Entitize,
    };

    public static void WriteJob(Stream output, JobSummary job)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("uws", "job", UwsNamespace);
        WriteRootAttributes(xml);
        xml.WriteElementString("uws", "jobId", UwsNamespace, job.JobId);
        if (job.RunId is not null)
        {
            xml.WriteElementString("uws", "runId", UwsNamespace, XmlText.Safe(job.RunId));
        }

        WriteNillable(xml, "ownerId", job.OwnerId);
        xml.WriteElementString("uws", "phase", UwsNamespace, job.Phase.ToWire());
        WriteNillable(xml, "quote", Time(job.Quote));
        xml.WriteElementString("uws", "creationTime", UwsNamespace, UwsTime.Format(job.CreationTime));
        WriteNillable(xml, "startTime", Time(job.StartTime));
        WriteNillable(xml, "endTime", Time(job.EndTime));
        xml.WriteElementString("uws", "executionDuration", UwsNamespace,
            job.ExecutionDuration.ToString(CultureInfo.InvariantCulture));
        WriteNillable(xml, "destruction", Time(job.Destruction));
        WriteParametersElement(xml, job.Parameters);
        WriteResultsElement(xml, job.Results);
        if (job.ErrorSummary is not null)
        {
            WriteErrorSummary(xml, job.ErrorSummary);
        }

        if (job.Progress is not null)
        {
            WriteJobInfo(xml, job.Progress);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static void WriteJobList(Stream output, IEnumerable<JobReference> jobs)
    {
        using var list = UwsJobListWriter.Xml(output);
        list.Write(jobs);
    }

    public static void WriteResults(Stream output, IReadOnlyList<ResultReference> results)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        WriteResultsElement(xml, results, isRoot: true);
        xml.WriteEndDocument();
    }

    public static void WriteParameters(Stream output, IReadOnlyList<ParameterValue> parameters)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        WriteParametersElement(xml, parameters, isRoot: true);
        xml.WriteEndDocument();
    }

    private static void WriteRootAttributes(XmlWriter xml)
    {
        xml.WriteAttributeString("version", "1.1");
        xml.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);
    }

    private static void WriteParametersElement(XmlWriter xml, IReadOnlyList<ParameterValue> parameters, bool isRoot = false)
    {
        xml.WriteStartElement("uws", "parameters", UwsNamespace);
        if (isRoot)
        {
            xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        }

        foreach (var parameter in parameters)
        {
            xml.WriteStartElement("uws", "parameter", UwsNamespace);
            xml.WriteAttributeString("id", XmlText.Safe(parameter.Id));
            if (parameter.ByReference)
            {
                xml.WriteAttributeString("byReference", "true");
            }

            xml.WriteString(XmlText.Safe(parameter.Value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteResultsElement(XmlWriter xml, IReadOnlyList<ResultReference> results, bool isRoot = false)
    {
        xml.WriteStartElement("uws", "results", UwsNamespace);
        if (isRoot)
        {
            xml.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
        }

        foreach (var result in results)
        {
            xml.WriteStartElement("uws", "result", UwsNamespace);
            // Glob results are named after the files a program wrote, whatever characters their names hold.
            xml.WriteAttributeString("id", XmlText.Safe(result.Id));
            xml.WriteAttributeString("xlink", "type", XlinkNamespace, "simple");
            xml.WriteAttributeString("xlink", "href", XlinkNamespace, XmlText.Safe(result.Href));
            if (result.Size is { } size)
            {
                xml.WriteAttributeString("size", size.ToString(CultureInfo.InvariantCulture));
            }

            if (result.MimeType is not null)
            {
                xml.WriteAttributeString("mime-type", XmlText.Safe(result.MimeType));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteErrorSummary(XmlWriter xml, ErrorSummary error)
    {
        xml.WriteStartElement("uws", "errorSummary", UwsNamespace);
        xml.WriteAttributeString("type", error.Type == ErrorType.Fatal ? "fatal" : "transient");
        xml.WriteAttributeString("hasDetail", error.HasDetail ? "true" : "false");
        xml.WriteElementString("uws", "message", UwsNamespace, XmlText.Safe(error.Message));
        xml.WriteEndElement();
    }

    private static void WriteJobInfo(XmlWriter xml, JobProgress progress)
    {
        xml.WriteStartElement("uws", "jobInfo", UwsNamespace);
        xml.WriteStartElement("meridian", "progress", MeridianNamespace);
        xml.WriteAttributeString("fraction", progress.Fraction.ToString("0.####", CultureInfo.InvariantCulture));
        if (progress.Message is not null)
        {
            xml.WriteString(XmlText.Safe(progress.Message));
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteNillable(XmlWriter xml, string name, string? value)
    {
        xml.WriteStartElement("uws", name, UwsNamespace);
        if (value is null)
        {
            xml.WriteAttributeString("xsi", "nil", XsiNamespace, "true");
        }
        else
        {
            // An owner is named by whoever authenticated the caller (a users file, a token's sub).
            xml.WriteString(XmlText.Safe(value));
        }

        xml.WriteEndElement();
    }

    private static string? Time(DateTimeOffset? instant) => instant is { } value ? UwsTime.Format(value) : null;
}
