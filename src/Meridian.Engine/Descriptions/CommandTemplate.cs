// SPDX-License-Identifier: MIT
using System.Text;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// A command as an argv list, never a shell string: each element is rendered on its own, so a value
/// reaches the program as one literal argument whatever characters it holds.
/// </summary>
/// <remarks>
/// An element is literal text with {name} placeholders ({{ and }} stand for braces). An element whose
/// placeholders have no value is dropped. A list value standing alone as an element becomes one argument
/// per item; inside longer text its items are joined by commas. A group (a nested list) is kept only
/// when every parameter it names has a value and none is a false boolean; {?name} inside a group only
/// states that condition and renders nothing. {name.field} names a field of a record or a column of a
/// table, a column rendering like a list.
/// </remarks>
public sealed class CommandTemplate
{
    public static readonly IReadOnlySet<string> BuiltIns = new HashSet<string>(StringComparer.Ordinal)
    {
        "service_dir", "work_dir", "job_id",
    };

    private readonly IReadOnlyList<CommandElement> _elements;

    private CommandTemplate(IReadOnlyList<CommandElement> elements) => _elements = elements;

    /// <summary>Every placeholder name used, for checking a definition against its parameters.</summary>
    public IEnumerable<string> PlaceholderNames =>
        _elements.SelectMany(element => element.Arguments).SelectMany(argument => argument.Segments)
            .Where(segment => segment.Placeholder is not null).Select(segment => segment.Placeholder!);

    /// <summary>Parses elements (strings, or groups of strings); returns null with a reason when one is malformed.</summary>
    public static CommandTemplate? TryParse(IReadOnlyList<CommandElementSource> sources, out string? error)
    {
        var elements = new List<CommandElement>();
        foreach (var source in sources)
        {
            var arguments = new List<ArgumentTemplate>();
            foreach (var text in source.Arguments)
            {
                var argument = ArgumentTemplate.TryParse(text, source.IsGroup, out error);
                if (argument is null)
                {
                    return null;
                }

                arguments.Add(argument);
            }

            elements.Add(new CommandElement(source.IsGroup, arguments));
        }

        error = elements.Count == 0 || elements[0].IsGroup || elements[0].Arguments[0].Segments.Any(s => s.Placeholder is not null)
            ? "the first element of a command must be the program, as literal text"
            : null;
        return error is null ? new CommandTemplate(elements) : null;
    }

    /// <summary>Renders the argv. <paramref name="values"/> gives each placeholder's values; absent means no value.</summary>
    public IReadOnlyList<string> Render(IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlySet<string> booleans)
    {
        var argv = new List<string>();
        foreach (var element in _elements)
        {
            if (element.IsGroup)
            {
                var names = element.Arguments.SelectMany(a => a.Segments).Select(s => s.Placeholder).OfType<string>();
                if (names.All(name => HasValue(name, values, booleans)))
                {
                    foreach (var argument in element.Arguments.Where(a => !a.IsConditionOnly))
                    {
                        argument.RenderInto(argv, values);
                    }
                }
            }
            else if (element.Arguments[0].Segments.All(s => s.Placeholder is null || values.ContainsKey(s.Placeholder)))
            {
                element.Arguments[0].RenderInto(argv, values);
            }
        }

        return argv;
    }

    private static bool HasValue(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> values, IReadOnlySet<string> booleans) =>
        values.TryGetValue(name, out var items) && items.Count > 0 && !(booleans.Contains(name) && items[0] == "false");

    private sealed record CommandElement(bool IsGroup, IReadOnlyList<ArgumentTemplate> Arguments);

    private sealed record Segment(string? Literal, string? Placeholder);

    private sealed record ArgumentTemplate(IReadOnlyList<Segment> Segments, bool IsConditionOnly)
    {
        public static ArgumentTemplate? TryParse(string text, bool inGroup, out string? error)
        {
            error = null;
            var segments = new List<Segment>();
            var literal = new StringBuilder();
            var conditionOnly = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
                {
                    literal.Append(c);
                    i++;
                }
                else if (c == '{')
                {
                    var end = text.IndexOf('}', i);
                    if (end < 0)
                    {
                        error = $"unclosed placeholder in '{text}' (write {{{{ for a literal brace)";
                        return null;
                    }

                    var name = text[(i + 1)..end];
                    if (name.StartsWith('?'))
                    {
                        if (!inGroup || text != $"{{{name}}}")
                        {
                            error = $"'{{{name}}}' may only stand alone, inside a group";
                            return null;
                        }

                        conditionOnly = true;
                        name = name[1..];
                    }

                    // name, or name.field for a field of a record or a column of a table.
                    var parts = name.Split('.');
                    if (parts.Length > 2 || parts.Any(part => part.Length == 0 || !part.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')))
                    {
                        error = $"'{{{name}}}' in '{text}' is not a placeholder name";
                        return null;
                    }

                    if (literal.Length > 0)
                    {
                        segments.Add(new Segment(literal.ToString(), null));
                        literal.Clear();
                    }

                    segments.Add(new Segment(null, name));
                    i = end;
                }
                else if (c == '}')
                {
                    error = $"stray '}}' in '{text}' (write }}}} for a literal brace)";
                    return null;
                }
                else
                {
                    literal.Append(c);
                }
            }

            if (literal.Length > 0 || segments.Count == 0)
            {
                segments.Add(new Segment(literal.ToString(), null));
            }

            return new ArgumentTemplate(segments, conditionOnly);
        }

        public void RenderInto(List<string> argv, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
        {
            if (Segments is [{ Placeholder: { } alone }])
            {
                argv.AddRange(values[alone]);
                return;
            }

            var builder = new StringBuilder();
            foreach (var segment in Segments)
            {
                builder.Append(segment.Placeholder is { } name ? string.Join(',', values[name]) : segment.Literal);
            }

            argv.Add(builder.ToString());
        }
    }
}

/// <summary>One element of a command as written in a definition: a single string, or a group of strings.</summary>
public sealed record CommandElementSource(bool IsGroup, IReadOnlyList<string> Arguments);
