// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// One declared parameter of a service and the rules its values obey. The same rules check the
/// defaults at load time and the clients' values at request time.
/// </summary>
public sealed record ParameterDefinition
{
    /// <summary>Longest string value accepted when the definition sets no max_length.</summary>
    public const int DefaultMaxLength = 65_536;
    public const int DefaultMaxItems = 10_000;
    public const int DefaultMaxRows = 1_000;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    public required string Name { get; init; }
    public required ParameterType Type { get; init; }
    /// <summary>For a list: the type of each item (never File or List).</summary>
    public ParameterType? ItemType { get; init; }
    public bool Required { get; init; }
    /// <summary>Canonical default values (one for a scalar); empty when there is none.</summary>
    public IReadOnlyList<string> Default { get; init; } = [];
    public double? Min { get; init; }
    public double? Max { get; init; }
    public Regex? Pattern { get; init; }
    /// <summary>
    /// What a value of the pattern looks like, in words (pattern_hint:), completing "must be …": a refusal says this
    /// rather than the regular expression.
    /// </summary>
    public string? PatternHint { get; init; }
    public int MaxLength { get; init; } = DefaultMaxLength;
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>For a file: the largest upload accepted, in bytes.</summary>
    public long? MaxSize { get; init; }
    public int MinItems { get; init; }
    public int MaxItems { get; init; } = DefaultMaxItems;
    public string? Unit { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    /// <summary>
    /// The parameter applies only when each named (earlier) parameter has one of the listed values (when:); otherwise
    /// it takes no value at all. Empty: it always applies.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> When { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Parameters that may not be given together with this one (excludes:); giving one drops the others' defaults.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];
    /// <summary>For a record: its fields; for a table: its columns. Each is a scalar parameter, named as in the value.</summary>
    public IReadOnlyList<ParameterDefinition> Fields { get; init; } = [];
    /// <summary>For a record or a table: how the program receives the value (as:).</summary>
    public StructuredDelivery Delivery { get; init; } = StructuredDelivery.Json;
    /// <summary>A numeric parameter whose value this one must stay strictly below (less_than:).</summary>
    public string? LessThan { get; init; }
    /// <summary>A numeric parameter whose value this one must stay strictly above (greater_than:).</summary>
    public string? GreaterThan { get; init; }

    public ParameterType ScalarType => Type == ParameterType.List ? ItemType!.Value : Type;

    /// <summary>A record or a table: its value is one JSON document, checked field by field.</summary>
    public bool IsStructured => Type is ParameterType.Record or ParameterType.Table;

    /// <summary>
    /// Checks one scalar value (an item, for a list) and returns its canonical spelling, or null with the
    /// reason a person can act on.
    /// </summary>
    public string? TryCanonicalize(string raw, out string? error)
    {
        error = null;
        var text = ScalarType == ParameterType.String ? raw : raw.Trim();
        switch (ScalarType)
        {
            case ParameterType.Integer:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    error = $"'{Shorten(raw)}' is not an integer";
                    return null;
                }

                return CheckRange(integer, out error) ? integer.ToString(CultureInfo.InvariantCulture) : null;
            case ParameterType.Real:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real))
                {
                    error = $"'{Shorten(raw)}' is not a real number";
                    return null;
                }

                return CheckRange(real, out error) ? real.ToString("R", CultureInfo.InvariantCulture) : null;
            case ParameterType.Boolean:
                switch (text.ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "on":
                        return "true";
                    case "false" or "0" or "no" or "off":
                        return "false";
                    default:
                        error = $"'{Shorten(raw)}' is not a boolean (use true or false)";
                        return null;
                }

            case ParameterType.Enum:
                var match = Values.FirstOrDefault(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    error = $"'{Shorten(raw)}' is not one of: {string.Join(", ", Values)}";
                }

                return match;
            case ParameterType.String:
                return CheckString(raw, out error) ? raw : null;
            case ParameterType.Record or ParameterType.Table:
                return StructuredValue.TryCanonicalize(this, raw, out error);
            default:
                error = "a file parameter takes an uploaded file, not a value";
                return null;
        }
    }

    private bool CheckRange(double value, out string? error)
    {
        error = value < Min ? $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {Format(Min!.Value)}"
            : value > Max ? $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {Format(Max!.Value)}"
            : null;
        return error is null;
    }

    private bool CheckString(string raw, out string? error)
    {
        error = null;
        if (raw.Length > MaxLength)
        {
            error = $"the value is {raw.Length} characters long; at most {MaxLength} are accepted";
        }
        else if (raw.Contains('\0', StringComparison.Ordinal))
        {
            error = "the value contains a NUL character";
        }
        else if (Pattern is not null)
        {
            try
            {
                if (!Pattern.IsMatch(raw))
                {
                    error = PatternRefusal(raw);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                error = "the value took too long to check against the pattern";
            }
        }

        return error is null;
    }

    /// <summary>The pattern as the definition wrote it, without the anchors CompilePattern adds.</summary>
    public string? WrittenPattern => Pattern?.ToString()["^(?:".Length..^")$".Length];

    /// <summary>
    /// Why a value does not fit the pattern, in words: the definition's hint, else its default as an example, and
    /// only when it gives neither, the expression as it wrote it.
    /// </summary>
    private string PatternRefusal(string raw) =>
        PatternHint is { } hint ? $"'{Shorten(raw)}' must be {hint}"
        : Default.Count > 0 ? $"'{Shorten(raw)}' must look like '{Shorten(Default[0])}'"
        : $"'{Shorten(raw)}' does not match the pattern {WrittenPattern}";

    /// <summary>A pattern must match the whole value, and may not take more than a moment on a hostile one.</summary>
    public static Regex CompilePattern(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
