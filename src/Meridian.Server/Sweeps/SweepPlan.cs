// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;

namespace Meridian.Server.Sweeps;

/// <summary>
/// What a sweep asks for: one or two parameters, each with a list of values ("1, 2, 4") or a range
/// ("1:10:2", start to stop by step, both ends included), given as SWEEP=name=values. Two make a grid:
/// one job per pair. Each job's fields are the common ones plus one value of each swept parameter.
/// </summary>
public sealed record SweepPlan(IReadOnlyList<SweptParameter> Swept)
{
    public const int MaxJobs = 100;
    public const int MaxSwept = 2;
    public const string FieldName = "SWEEP";

    /// <summary>The plan of the SWEEP fields, or null with the reason a person can act on.</summary>
    public static SweepPlan? TryRead(ServiceDefinition service, IReadOnlyList<FormField> fields, out string? error)
    {
        error = null;
        var sweeps = fields.Where(f => f.Name.Equals(FieldName, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sweeps.Count is 0 or > MaxSwept)
        {
            error = $"SWEEP: give one or two, each as name=values (a list such as theta=1,2,4 or a range such as theta=1:10:2); {sweeps.Count} given";
            return null;
        }

        var swept = new List<SweptParameter>();
        foreach (var sweep in sweeps)
        {
            var equals = sweep.Value.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? sweep.Value[..equals].Trim() : "";
            var parameter = service.FindParameter(name);
            if (parameter is null || parameter.Type is ParameterType.File or ParameterType.List || parameter.IsStructured)
            {
                error = $"SWEEP: '{(equals > 0 ? name : sweep.Value)}' is not a parameter that takes one value (this service's are: {string.Join(", ", service.Parameters.Where(p => p.Type is not (ParameterType.File or ParameterType.List) && !p.IsStructured).Select(p => p.Name))}); write name=values";
                return null;
            }

            if (swept.Any(s => s.Parameter.Name == parameter.Name))
            {
                error = $"SWEEP: {parameter.Name} is swept twice";
                return null;
            }

            if (fields.Any(f => f.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase) && f.Value.Length > 0))
            {
                error = $"{parameter.Name}: given a value and swept; leave it out of the form, or do not sweep it";
                return null;
            }

            var values = Values(sweep.Value[(equals + 1)..], parameter, out error);
            if (values is null)
            {
                return null;
            }

            swept.Add(new SweptParameter(parameter, values));
        }

        var count = swept.Aggregate(1L, (product, s) => product * s.Values.Count);
        if (count > MaxJobs)
        {
            error = $"SWEEP: {count} jobs; a sweep makes at most {MaxJobs}";
            return null;
        }

        return new SweepPlan(swept);
    }

    /// <summary>Every combination of the swept values, the first parameter's changing slowest.</summary>
    public IEnumerable<IReadOnlyList<(string Name, string Value)>> Combinations()
    {
        IEnumerable<IReadOnlyList<(string, string)>> combinations = [[]];
        foreach (var sweep in Swept)
        {
            combinations = combinations.SelectMany(done => sweep.Values.Select(value => (IReadOnlyList<(string, string)>)[.. done, (sweep.Parameter.Name, value)])).ToList();
        }

        return combinations;
    }

    private static List<string>? Values(string text, ParameterDefinition parameter, out string? error)
    {
        error = null;
        var parts = text.Split(':');
        if (parts.Length == 3 && parameter.ScalarType is ParameterType.Integer or ParameterType.Real)
        {
            return Range(parts, parameter, out error);
        }

        var values = text.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        if (values.Count == 0)
        {
            error = $"SWEEP: {parameter.Name} has no values; give a list such as {parameter.Name}=1,2,4{(parameter.ScalarType is ParameterType.Integer or ParameterType.Real ? $" or a range such as {parameter.Name}=1:10:2" : "")}";
            return null;
        }

        return values.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string>? Range(string[] parts, ParameterDefinition parameter, out string? error)
    {
        error = null;
        var numbers = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null).ToList();
        if (numbers.Any(n => n is null) || numbers[2] <= 0 || numbers[1] < numbers[0])
        {
            error = $"SWEEP: {parameter.Name}: '{string.Join(':', parts)}' is not a range start:stop:step with start ≤ stop and a step above 0";
            return null;
        }

        var (start, stop, step) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value);
        var count = Math.Floor((stop - start) / step + 1e-9) + 1;
        if (count > MaxJobs)
        {
            error = $"SWEEP: {parameter.Name}: the range makes {count} values; a sweep makes at most {MaxJobs} jobs";
            return null;
        }

        // Each value computed from the start, not by adding steps, so that 0.1 steps do not drift.
        return Enumerable.Range(0, (int)count).Select(k => start + k * step)
            .Select(v => parameter.ScalarType == ParameterType.Integer ? Math.Round(v).ToString(CultureInfo.InvariantCulture) : Math.Round(v, 12).ToString("R", CultureInfo.InvariantCulture))
            .ToList();
    }
}

/// <summary>A swept parameter and its values, in the order given.</summary>
public sealed record SweptParameter(ParameterDefinition Parameter, IReadOnlyList<string> Values);
