// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// Turns the fields and files of a request into typed job parameters and job-control values, or into
/// the list of what is wrong with them. Names are matched without case, as UWS and TAP do.
/// </summary>
public static partial class ParameterBinder
{
    /// <summary>Linux's MAX_ARG_STRLEN (32 pages of 4 KiB) less the terminating NUL: a longer argument makes exec fail.</summary>
    public const int MaxArgumentBytes = 131_071;

    /// <summary>Binds a creation request: every parameter gets its value or default; required ones must be there.</summary>
    public static BoundRequest BindCreation(ServiceDefinition service, IReadOnlyList<FormField> fields, IReadOnlyList<FormUpload> uploads) =>
        Bind(service, fields, uploads, creating: true);

    /// <summary>Binds an update of a PENDING job: only the parameters given change.</summary>
    public static BoundRequest BindUpdate(ServiceDefinition service, IReadOnlyList<FormField> fields, IReadOnlyList<FormUpload> uploads) =>
        Bind(service, fields, uploads, creating: false);

    private static BoundRequest Bind(ServiceDefinition service, IReadOnlyList<FormField> fields, IReadOnlyList<FormUpload> uploads, bool creating)
    {
        var errors = new List<string>();
        var control = new JobControl();
        var given = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        // The parameters the client gave a value for, as opposed to those that take their default.
        var givenNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (ServiceDefinitionReader.ControlNames.Contains(field.Name))
            {
                control = BindControl(control, field, errors);
            }
            // Everything kept is written into XML documents later: a character XML cannot carry is refused here, by name.
            else if ((XmlText.Problem("a field name", field.Name) ?? XmlText.Problem(XmlText.Safe(field.Name), field.Value)) is { } unwritable)
            {
                errors.Add(unwritable);
            }
            else if (service.FindParameter(field.Name) is { Type: ParameterType.File } file)
            {
                // A text value where a file is expected (a URL, a file name from a urlencoded form) must not vanish without a word.
                if (field.Value.Length > 0)
                {
                    errors.Add($"{file.Name}: a file parameter takes an uploaded file, not a value");
                }
            }
            else if (service.FindParameter(field.Name) is { } parameter)
            {
                if (field.Value.Length > 0)
                {
                    givenNames.Add(parameter.Name);
                }

                if (!given.TryGetValue(parameter.Name, out var values))
                {
                    given[parameter.Name] = values = [];
                }

                values.Add(field.Value);
            }
            else
            {
                errors.Add($"{field.Name}: unknown parameter (this service takes: {Describe(service)})");
            }
        }

        var parameters = new List<JobParameter>();
        foreach (var parameter in service.Parameters.Where(p => p.Type != ParameterType.File))
        {
            if (given.TryGetValue(parameter.Name, out var raw))
            {
                if (BindValues(parameter, raw, errors) is { } values)
                {
                    parameters.Add(new JobParameter(parameter.Name, values));
                }
            }
            else if (creating && parameter.Default.Count > 0)
            {
                parameters.Add(new JobParameter(parameter.Name, parameter.Default));
            }
            else if (creating && parameter.Required && parameter.When.Count == 0)
            {
                errors.Add($"{parameter.Name}: required");
            }
        }

        var files = new List<FormUpload>();
        foreach (var upload in uploads)
        {
            var parameter = service.FindParameter(upload.Name);
            if (parameter is null || parameter.Type != ParameterType.File)
            {
                errors.Add($"{XmlText.Safe(upload.Name)}: this service takes no file under that name");
            }
            else if (XmlText.Problem($"{parameter.Name}: the file name", upload.FileName) is { } unwritable)
            {
                errors.Add(unwritable);
            }
            else if (files.Any(f => f.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{parameter.Name}: one file only");
            }
            else if (parameter.MaxSize is { } max && upload.Length > max)
            {
                errors.Add($"{parameter.Name}: the file is {upload.Length} bytes; at most {max} are accepted");
            }
            else
            {
                files.Add(upload with { Name = parameter.Name });
            }
        }

        if (creating)
        {
            foreach (var parameter in service.Parameters.Where(p => p.Type == ParameterType.File && p.Required && p.When.Count == 0))
            {
                if (!files.Any(f => f.Name == parameter.Name))
                {
                    errors.Add($"{parameter.Name}: a file is required");
                }
            }
        }

        if (creating)
        {
            givenNames.UnionWith(files.Select(f => f.Name));
            ApplyRelations(service, parameters, files, givenNames, errors);
        }

        if (errors.Count == 0)
        {
            CheckArgumentSizes(service, parameters, files, errors);
        }

        return new BoundRequest(parameters, files, control, errors);
    }

    private static List<string>? BindValues(ParameterDefinition parameter, List<string> raw, List<string> errors)
    {
        if (parameter.Type != ParameterType.List)
        {
            if (raw.Count > 1)
            {
                errors.Add($"{parameter.Name}: given {raw.Count} times; it takes one value");
                return null;
            }

            if (raw[0].Length == 0 && parameter.ScalarType != ParameterType.String)
            {
                // An empty form field means "not given", as browsers send every field of a form.
                // A conditional parameter is required only where it applies: ApplyRelations decides.
                if (parameter.Required && parameter.Default.Count == 0 && parameter.When.Count == 0)
                {
                    errors.Add($"{parameter.Name}: required");
                }

                return parameter.Default.Count > 0 ? [.. parameter.Default] : null;
            }
        }

        // A list comes as repeated fields, or as one field of comma- or space-separated items.
        var items = parameter.Type == ParameterType.List && parameter.ScalarType != ParameterType.String
            ? raw.SelectMany(value => value.Split([',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).ToList()
            : raw;
        if (parameter.Type == ParameterType.List && (items.Count < parameter.MinItems || items.Count > parameter.MaxItems))
        {
            errors.Add($"{parameter.Name}: {items.Count} values given; between {parameter.MinItems} and {parameter.MaxItems} are accepted");
            return null;
        }

        var values = new List<string>(items.Count);
        foreach (var item in items)
        {
            var canonical = parameter.TryCanonicalize(item, out var error);
            if (canonical is null)
            {
                errors.Add($"{parameter.Name}: {error}");
                return null;
            }

            values.Add(canonical);
        }

        // A value becomes (part of) one program argument; a list may be joined by commas into one.
        var longest = parameter.Type == ParameterType.List ? Encoding.UTF8.GetByteCount(string.Join(',', values))
            : values.Count == 0 ? 0 : Encoding.UTF8.GetByteCount(values[0]);
        // A record or a table becomes a file, or arguments checked field by field once the command is rendered.
        if (!parameter.IsStructured && longest > MaxArgumentBytes)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{parameter.Name}: {longest} bytes in UTF-8; one program argument holds at most {MaxArgumentBytes} bytes (Linux MAX_ARG_STRLEN)"));
            return null;
        }

        return values;
    }

    private static JobControl BindControl(JobControl control, FormField field, List<string> errors)
    {
        var value = field.Value.Trim();
        switch (field.Name.ToUpperInvariant())
        {
            case "PHASE":
                if (value is "RUN" or "ABORT")
                {
                    return control with { Command = value == "RUN" ? PhaseCommand.Run : PhaseCommand.Abort };
                }

                errors.Add($"PHASE: '{value}' is not RUN or ABORT");
                break;
            case "ACTION":
                if (value == "DELETE")
                {
                    return control with { Action = JobAction.Delete };
                }

                errors.Add($"ACTION: '{value}' is not DELETE");
                break;
            case "RUNID":
                if (value.Length > 256 || value.Any(char.IsControl))
                {
                    errors.Add("RUNID: at most 256 characters, without control characters");
                }
                else if (XmlText.Problem("RUNID", value) is { } unwritable)
                {
                    errors.Add(unwritable);
                }
                else
                {
                    return control with { RunId = value };
                }

                break;
            case "EXECUTIONDURATION":
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return control with { ExecutionDuration = seconds };
                }

                errors.Add($"EXECUTIONDURATION: '{value}' is not a whole number of seconds (0 means unlimited)");
                break;
            case "DESTRUCTION":
                if (UwsTime.TryParse(value, out var instant))
                {
                    return control with { Destruction = instant };
                }

                errors.Add($"DESTRUCTION: '{value}' is not an ISO 8601 instant such as 2030-01-31T12:00:00Z");
                break;
            default:
                errors.Add($"{field.Name}: not accepted here");
                break;
        }

        return control;
    }

    private static string Describe(ServiceDefinition service) =>
        service.Parameters.Count == 0 ? "no parameters" : string.Join(", ", service.Parameters.Select(p => p.Name));
}

/// <summary>A form field as received: name and text value.</summary>
public sealed record FormField(string Name, string Value);

/// <summary>An uploaded file part: the parameter it is for, the client's file name, and how to read it.</summary>
public sealed record FormUpload(string Name, string FileName, long Length, string? ContentType, Func<Stream> OpenReadStream);

/// <summary>UWS job-control values found in a request (PHASE, ACTION, RUNID, EXECUTIONDURATION, DESTRUCTION).</summary>
public sealed record JobControl
{
    /// <summary>PHASE=RUN or PHASE=ABORT; the binder refuses any other value, so the rest of the server never reads the string.</summary>
    public PhaseCommand? Command { get; init; }

    /// <summary>The PHASE value as it is written on the wire.</summary>
    public string? Phase => Command switch
    {
        PhaseCommand.Run => "RUN",
        PhaseCommand.Abort => "ABORT",
        _ => null,
    };

    /// <summary>ACTION=DELETE, the only action UWS defines on a job.</summary>
    public JobAction? Action { get; init; }
    public string? RunId { get; init; }
    public int? ExecutionDuration { get; init; }
    public DateTimeOffset? Destruction { get; init; }
}

/// <summary>The outcome of binding: typed parameters and uploads, job control, and the problems (empty when valid).</summary>
public sealed record BoundRequest(
    IReadOnlyList<JobParameter> Parameters, IReadOnlyList<FormUpload> Uploads, JobControl Control, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
