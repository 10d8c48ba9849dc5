// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;

namespace Meridian.Protocol;

/// <summary>
/// Writes a job list (uws:jobs, or its JSON) a page of references at a time: after each <see cref="Write"/> the
/// page's bytes are in the output stream, so a server can send them and read the next page, and a list of a
/// hundred thousand jobs never sits whole in memory. Disposing ends the document.
/// </summary>
public abstract class UwsJobListWriter : IDisposable
{
    public static UwsJobListWriter Xml(Stream output) => new XmlList(output);

    public static UwsJobListWriter Json(Stream output) => new JsonList(output);

    /// <summary>Writes these references and flushes them to the output stream.</summary>
    public abstract void Write(IEnumerable<JobReference> jobs);

    public abstract void Dispose();

    /// <summary>
    /// The XML, written as text: a list is thousands of rows of one fixed shape, which XmlWriter would check element by
    /// element (namespaces, state, escaping) at several times the cost. The shape is the one XmlWriter writes indented
    /// (the tests read it back with the schema); what varies is escaped by <see cref="XmlText.WriteEscaped"/>.
    /// </summary>
    private sealed class XmlList : UwsJobListWriter
    {
        private static readonly string Head =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            $"<uws:jobs version=\"1.1\" xmlns:xlink=\"{UwsXmlWriter.XlinkNamespace}\" xmlns:xsi=\"{UwsXmlWriter.XsiNamespace}\" " +
            $"xsi:schemaLocation=\"{UwsXmlWriter.SchemaLocation}\" xmlns:uws=\"{UwsXmlWriter.UwsNamespace}\">";

        private readonly StreamWriter _text;
        private readonly char[] _time = new char[32];

        public XmlList(Stream output)
        {
            _text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16384, leaveOpen: true);
            _text.Write(Head);
        }

        public override void Write(IEnumerable<JobReference> jobs)
        {
            foreach (var job in jobs)
            {
                _text.Write("\n  <uws:jobref id=\"");
                XmlText.WriteEscaped(_text, job.Id);
                _text.Write("\" xlink:type=\"simple\" xlink:href=\"");
                XmlText.WriteEscaped(_text, XmlText.Safe(job.Href));
                _text.Write("\">\n    <uws:phase>");
                _text.Write(job.Phase.ToWire());
                _text.Write("</uws:phase>\n");
                if (job.RunId is not null)
                {
                    _text.Write("    <uws:runId>");
                    XmlText.WriteEscaped(_text, XmlText.Safe(job.RunId));
                    _text.Write("</uws:runId>\n");
                }

                if (job.OwnerId is null)
                {
                    _text.Write("    <uws:ownerId xsi:nil=\"true\" />\n");
                }
                else
                {
                    _text.Write("    <uws:ownerId>");
                    XmlText.WriteEscaped(_text, XmlText.Safe(job.OwnerId));
                    _text.Write("</uws:ownerId>\n");
                }

                _text.Write("    <uws:creationTime>");
                _text.Write(_time, 0, UwsTime.Format(job.CreationTime, _time));
                _text.Write("</uws:creationTime>\n  </uws:jobref>");
            }

            _text.Flush();
        }

        public override void Dispose()
        {
            _text.Write("\n</uws:jobs>");
            _text.Dispose();
        }
    }

    private sealed class JsonList : UwsJobListWriter
    {
        private readonly Utf8JsonWriter _json;

        public JsonList(Stream output)
        {
            _json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
            _json.WriteStartObject();
            _json.WriteStartArray("jobs");
        }

        public override void Write(IEnumerable<JobReference> jobs)
        {
            foreach (var job in jobs)
            {
                _json.WriteStartObject();
                _json.WriteString("id", job.Id);
                _json.WriteString("href", job.Href);
                _json.WriteString("phase", job.Phase.ToWire());
                _json.WriteString("runId", job.RunId);
                _json.WriteString("ownerId", job.OwnerId);
                _json.WriteString("creationTime", UwsTime.Format(job.CreationTime));
                _json.WriteEndObject();
            }

            _json.Flush();
        }

        public override void Dispose()
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.Dispose();
        }
    }
}
