// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using System.Xml;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Describe;

/// <summary>
/// A service as a WADL document (the 2009/02 namespace): its job list, jobs, results and synchronous endpoint,
/// with every parameter typed (xsd), its default, its choices and whether it repeats. WADL has no ranges or
/// patterns, so those are written in each parameter's doc.
/// </summary>
public static class WadlDocument
{
    public const string Namespace = "http://wadl.dev.java.net/2009/02";
    private const string XsdNamespace = "http://www.w3.org/2001/XMLSchema";
    private const string UwsNamespace = "http://www.ivoa.net/xml/UWS/v1.0";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static void Write(Stream output, ServiceDefinition service, string root)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("application", Namespace);
        xml.WriteAttributeString("xmlns", "xsd", null, XsdNamespace);
        xml.WriteAttributeString("xmlns", "uws", null, UwsNamespace);
        Doc(xml, service.Title, service.Description);
        xml.WriteStartElement("resources", Namespace);
        xml.WriteAttributeString("base", root + "/");

        xml.WriteStartElement("resource", Namespace);
        xml.WriteAttributeString("path", $"uws/{service.Name}");
        Method(xml, "GET", $"{service.Name}-list", () =>
        {
            Param(xml, "PHASE", "query", "xsd:string", null, repeating: true, doc: "Only jobs in these phases");
            Param(xml, "AFTER", "query", "xsd:dateTime", null, doc: "Only jobs created after this instant");
            Param(xml, "LAST", "query", "xsd:int", null, doc: "Only the newest N jobs");
        }, ("200", "application/xml", "uws:jobs"));
        Method(xml, "POST", $"{service.Name}-create", () => Form(xml, service, control: true), ("303", null, null), ("400", "text/plain", null));

        xml.WriteStartElement("resource", Namespace);
        xml.WriteAttributeString("path", "{jobId}");
        Param(xml, "jobId", "template", "xsd:string", null, required: true);
        Method(xml, "GET", $"{service.Name}-job", () =>
        {
            Param(xml, "WAIT", "query", "xsd:int", null, doc: "Seconds to block while the job is active");
            Param(xml, "PHASE", "query", "xsd:string", null, doc: "Return at once unless the job is in this phase");
        }, ("200", "application/xml", "uws:job"));
        Method(xml, "DELETE", $"{service.Name}-destroy", null, ("303", null, null));
        xml.WriteStartElement("resource", Namespace);
        xml.WriteAttributeString("path", "results/{resultId}");
        Param(xml, "resultId", "template", "xsd:string", null, required: true,
            options: service.Results.Any(r => r.Glob is not null) ? null : [.. service.Results.Select(r => r.Name), .. Streams(service)]);
        Method(xml, "GET", $"{service.Name}-result", null, [.. service.Results.Select(r => ("200", (string?)r.MimeType, (string?)null)).DefaultIfEmpty(("200", "text/plain", null))]);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("resource", Namespace);
        xml.WriteAttributeString("path", $"sync/{service.Name}");
        Method(xml, "POST", $"{service.Name}-sync", () => Form(xml, service, control: false),
            ("200", (service.Results.Count > 0 ? service.Results[0].MimeType : "text/plain"), null), ("303", null, null), ("422", "text/plain", null));
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Form(XmlWriter xml, ServiceDefinition service, bool control)
    {
        var mediaType = service.Parameters.Any(p => p.Type == ParameterType.File) ? "multipart/form-data" : "application/x-www-form-urlencoded";
        xml.WriteStartElement("representation", Namespace);
        xml.WriteAttributeString("mediaType", mediaType);
        foreach (var parameter in service.Parameters)
        {
            Param(xml, parameter.Name, "query", XsdType(parameter), parameter.Type == ParameterType.List || parameter.Default.Count == 0 ? null : parameter.Default[0],
                parameter.Required, parameter.Type == ParameterType.List, ParameterDoc(parameter), parameter.Type == ParameterType.Enum ? parameter.Values : null);
        }

        if (control)
        {
            Param(xml, "PHASE", "query", "xsd:string", null, options: ["RUN"]);
            Param(xml, "RUNID", "query", "xsd:string", null);
        }

        Param(xml, "EXECUTIONDURATION", "query", "xsd:int", service.Limits.DefaultExecutionDuration.ToString(CultureInfo.InvariantCulture));
        Param(xml, "DESTRUCTION", "query", "xsd:dateTime", null);
        xml.WriteEndElement();
    }

    private static void Method(XmlWriter xml, string name, string id, Action? request, params (string Status, string? MediaType, string? Element)[] responses)
    {
        xml.WriteStartElement("method", Namespace);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("id", id);
        if (request is not null)
        {
            xml.WriteStartElement("request", Namespace);
            request();
            xml.WriteEndElement();
        }

        foreach (var (status, mediaType, element) in responses)
        {
            xml.WriteStartElement("response", Namespace);
            xml.WriteAttributeString("status", status);
            if (mediaType is not null)
            {
                xml.WriteStartElement("representation", Namespace);
                xml.WriteAttributeString("mediaType", mediaType);
                if (element is not null)
                {
                    xml.WriteAttributeString("element", element);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Param(XmlWriter xml, string name, string style, string type, string? defaultValue,
        bool required = false, bool repeating = false, string? doc = null, IReadOnlyList<string>? options = null)
    {
        xml.WriteStartElement("param", Namespace);
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("style", style);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("required", required ? "true" : "false");
        if (repeating)
        {
            xml.WriteAttributeString("repeating", "true");
        }

        if (defaultValue is not null)
        {
            xml.WriteAttributeString("default", defaultValue);
        }

        if (!string.IsNullOrEmpty(doc))
        {
            Doc(xml, null, doc);
        }

        foreach (var option in options ?? [])
        {
            xml.WriteStartElement("option", Namespace);
            xml.WriteAttributeString("value", option);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Doc(XmlWriter xml, string? title, string text)
    {
        xml.WriteStartElement("doc", Namespace);
        if (title is not null)
        {
            xml.WriteAttributeString("title", title);
        }

        xml.WriteString(text);
        xml.WriteEndElement();
    }

    private static string XsdType(ParameterDefinition parameter) => parameter.ScalarType switch
    {
        ParameterType.Integer => "xsd:long",
        ParameterType.Real => "xsd:double",
        ParameterType.Boolean => "xsd:boolean",
        ParameterType.File => "xsd:base64Binary",
        _ => "xsd:string",
    };

    private static string ParameterDoc(ParameterDefinition parameter) => ParameterText.Constraints(parameter) is { Length: > 0 } rules
        ? $"{parameter.Description ?? parameter.Title} ({rules})".TrimStart()
        : parameter.Description ?? parameter.Title ?? "";

    private static string[] Streams(ServiceDefinition service) => service.ListStreams ? ["stdout", "stderr"] : [];
}
