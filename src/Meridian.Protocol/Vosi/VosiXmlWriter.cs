// SPDX-License-Identifier: MIT
using System.Text;
using System.Xml;

namespace Meridian.Protocol.Vosi;

/// <summary>
/// Writes the VOSI 1.0 availability and capabilities documents with XmlWriter, in the order of the
/// schemas' sequences (VOSIAvailability-v1.0, VOSICapabilities-v1.0 with VOResource 1.2 and VODataService 1.2).
/// </summary>
public static class VosiXmlWriter
{
    public const string AvailabilityNamespace = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";
    public const string CapabilitiesNamespace = "http://www.ivoa.net/xml/VOSICapabilities/v1.0";
    public const string VOResourceNamespace = "http://www.ivoa.net/xml/VOResource/v1.0";
    public const string VODataServiceNamespace = "http://www.ivoa.net/xml/VODataService/v1.1";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static void WriteAvailability(Stream output, Availability availability)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("vosi", "availability", AvailabilityNamespace);
        xml.WriteElementString("vosi", "available", AvailabilityNamespace, availability.Available ? "true" : "false");
        if (availability.UpSince is { } upSince)
        {
            xml.WriteElementString("vosi", "upSince", AvailabilityNamespace, UwsTime.Format(upSince));
        }

        foreach (var note in availability.Notes)
        {
            xml.WriteElementString("vosi", "note", AvailabilityNamespace, note);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static void WriteCapabilities(Stream output, IEnumerable<Capability> capabilities)
    {
        using var xml = XmlWriter.Create(output, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("vosi", "capabilities", CapabilitiesNamespace);
        xml.WriteAttributeString("xmlns", "vr", null, VOResourceNamespace);
        xml.WriteAttributeString("xmlns", "vs", null, VODataServiceNamespace);
        xml.WriteAttributeString("xmlns", "xsi", null, UwsXmlWriter.XsiNamespace);
        foreach (var capability in capabilities)
        {
            WriteCapability(xml, capability);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // VOResource's elements are unqualified: capability, description, interface and accessURL carry no prefix.
    private static void WriteCapability(XmlWriter xml, Capability capability)
    {
        xml.WriteStartElement("capability");
        xml.WriteAttributeString("standardID", capability.StandardId);
        if (capability.Description is not null)
        {
            xml.WriteElementString("description", capability.Description);
        }

        foreach (var face in capability.Interfaces)
        {
            WriteInterface(xml, face);
        }

        xml.WriteEndElement();
    }

    private static void WriteInterface(XmlWriter xml, CapabilityInterface face)
    {
        xml.WriteStartElement("interface");
        xml.WriteAttributeString("xsi", "type", UwsXmlWriter.XsiNamespace, "vs:ParamHTTP");
        if (face.Version is not null)
        {
            xml.WriteAttributeString("version", face.Version);
        }

        if (face.Role is not null)
        {
            xml.WriteAttributeString("role", face.Role);
        }

        xml.WriteStartElement("accessURL");
        xml.WriteAttributeString("use", face.Use);
        xml.WriteString(face.AccessUrl);
        xml.WriteEndElement();
        foreach (var parameter in face.Parameters)
        {
            WriteParam(xml, parameter);
        }

        xml.WriteEndElement();
    }

    private static void WriteParam(XmlWriter xml, InputParam parameter)
    {
        xml.WriteStartElement("param");
        xml.WriteAttributeString("use", parameter.Required ? "required" : "optional");
        xml.WriteElementString("name", parameter.Name);
        if (!string.IsNullOrWhiteSpace(parameter.Description))
        {
            xml.WriteElementString("description", parameter.Description);
        }

        if (parameter.Unit is not null)
        {
            xml.WriteElementString("unit", parameter.Unit);
        }

        xml.WriteStartElement("dataType");
        if (parameter.ArraySize is not null)
        {
            xml.WriteAttributeString("arraysize", parameter.ArraySize);
        }

        xml.WriteString(parameter.DataType);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
