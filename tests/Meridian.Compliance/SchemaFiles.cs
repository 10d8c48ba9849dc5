// SPDX-License-Identifier: MIT
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Meridian.Compliance;

/// <summary>
/// The official IVOA schemas vendored in tests/Meridian.Compliance/Schemas (copied beside the test binaries),
/// loaded without any network access: imports by ivoa.net URL are mapped to the local copies, anything else is refused.
/// </summary>
public static class SchemaFiles
{
    private static readonly Dictionary<string, string> LocalCopies = new(StringComparer.Ordinal)
    {
        ["http://www.ivoa.net/xml/Xlink/xlink.xsd"] = "xlink.xsd",
        ["http://www.ivoa.net/xml/UWS/UWS-v1.1.xsd"] = "UWS-v1.1.xsd",
        ["http://www.ivoa.net/xml/VOResource/v1.0"] = "VOResource-v1.2.xsd",
        ["http://www.ivoa.net/xml/STC/stc-v1.30.xsd"] = "stc-v1.30.xsd",
        // STC imports xlink as ./xlink.xsd, which resolves beside its ivoa.net URL.
        ["http://www.ivoa.net/xml/STC/xlink.xsd"] = "xlink.xsd",
    };

    private static readonly Lazy<string> Folder = new(FindFolder);
    private static readonly XNamespace UwsNamespace = "http://www.ivoa.net/xml/UWS/v1.0";

    /// <summary>The folder of the schemas, beside the test binaries.</summary>
    public static string Directory => Folder.Value;

    /// <summary>A compiled schema set for UWS 1.1 (with the IVOA xlink schema it imports).</summary>
    public static XmlSchemaSet Uws() => Load("UWS-v1.1.xsd");

    /// <summary>
    /// VOSI availability and capabilities together, with VODataService (for vs:ParamHTTP interfaces) and what
    /// they import: VOResource 1.2, STC 1.30, xlink.
    /// </summary>
    public static XmlSchemaSet Vosi() => Load("VOSIAvailability-v1.0.xsd", "VOSICapabilities-v1.0.xsd", "VODataService-v1.2.xsd");

    /// <summary>
    /// Every problem found validating a VOSI document; empty when it is valid. Warnings count too: VOSI content
    /// is never lax, so an element the schemas do not know is a mistake, not an extension.
    /// </summary>
    public static IReadOnlyList<string> ValidateVosi(XDocument document)
    {
        var problems = new List<string>();
        if (document.Root?.Name.NamespaceName is not ("http://www.ivoa.net/xml/VOSIAvailability/v1.0" or "http://www.ivoa.net/xml/VOSICapabilities/v1.0"))
        {
            problems.Add($"the root element {document.Root?.Name} is not a VOSI element");
        }

        document.Validate(Vosi(), (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}"));
        return problems;
    }

    /// <summary>VOTable 1.4 (namespace v1.3, as the standard keeps it).</summary>
    public static XmlSchemaSet Votable() => Load("VOTable-1.4.xsd");

    /// <summary>Every problem found validating a VOTable document (warnings too: VOTable content is strict); empty when it is valid.</summary>
    public static IReadOnlyList<string> ValidateVotable(XDocument document)
    {
        var problems = new List<string>();
        if (document.Root?.Name != XName.Get("VOTABLE", "http://www.ivoa.net/xml/VOTable/v1.3"))
        {
            problems.Add($"the root element {document.Root?.Name} is not a VOTable 1.3/1.4 VOTABLE");
        }

        document.Validate(Votable(), (_, e) => problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}"));
        return problems;
    }

    private static XmlSchemaSet Load(params string[] files)
    {
        var resolver = new LocalOnlyResolver(Directory);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver };
        foreach (var file in files)
        {
            using var reader = XmlReader.Create(Path.Combine(Directory, file), settings);
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>
    /// Every problem found validating the document against UWS 1.1; empty when it is valid. The root must be
    /// a UWS element: the validator alone would only warn about a root in another namespace. Other warnings
    /// are not problems: they come from the content of jobInfo, which the schema leaves open (lax).
    /// </summary>
    public static IReadOnlyList<string> ValidateUws(XDocument document)
    {
        var problems = new List<string>();
        if (document.Root?.Name.Namespace != UwsNamespace)
        {
            problems.Add($"the root element {document.Root?.Name} is not in the UWS namespace {UwsNamespace}");
        }

        document.Validate(Uws(), (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                problems.Add($"line {e.Exception?.LineNumber}: {e.Message}");
            }
        });
        return problems;
    }

    /// <summary>Validates a serialized document (the bytes a server sends); malformed XML is a problem too.</summary>
    public static IReadOnlyList<string> ValidateUws(Stream document)
    {
        XDocument parsed;
        try
        {
            using var reader = XmlReader.Create(document, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            parsed = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            return [$"not well-formed: {exception.Message}"];
        }

        return ValidateUws(parsed);
    }

    private static string FindFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Schemas");
        return File.Exists(Path.Combine(folder, "UWS-v1.1.xsd"))
            ? folder
            : throw new DirectoryNotFoundException($"No Schemas folder beside the test binaries ({AppContext.BaseDirectory}): Meridian.Compliance copies it there.");
    }

    /// <summary>Serves the local copies of the IVOA schemas and refuses everything else, so a test never touches the network.</summary>
    private sealed class LocalOnlyResolver(string folder) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            string path;
            if (LocalCopies.TryGetValue(absoluteUri.AbsoluteUri, out var file))
            {
                path = Path.Combine(folder, file);
            }
            else if (absoluteUri.IsFile && Path.GetDirectoryName(absoluteUri.LocalPath) == Path.TrimEndingDirectorySeparator(folder))
            {
                path = absoluteUri.LocalPath;
            }
            else
            {
                throw new XmlException($"{absoluteUri} has no local copy in {folder}; schemas are never fetched from the network");
            }

            return File.OpenRead(path);
        }
    }
}
