// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Jobs;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// The relationships between parameters, checked once every value of a new job is known: a parameter that
/// applies only when another has some value, parameters that exclude each other, and bounds set by another.
/// </summary>
public static partial class ParameterBinder
{
    private static void ApplyRelations(
        ServiceDefinition service, List<JobParameter> parameters, List<FormUpload> files, HashSet<string> given, List<string> errors)
    {
        // In declaration order: a condition names an earlier parameter, already settled (present or dropped).
        foreach (var parameter in service.Parameters.Where(p => p.When.Count > 0))
        {
            var present = parameters.Any(p => p.Name == parameter.Name) || files.Any(f => f.Name == parameter.Name);
            if (!Applies(parameter, parameters))
            {
                if (given.Contains(parameter.Name))
                {
                    errors.Add($"{parameter.Name}: applies only when {DescribeCondition(parameter)}");
                }

                parameters.RemoveAll(p => p.Name == parameter.Name);
                files.RemoveAll(f => f.Name == parameter.Name);
            }
            else if (parameter.Required && !present)
            {
                errors.Add($"{parameter.Name}: {(parameter.Type == ParameterType.File ? "a file is required" : "required")} when {DescribeCondition(parameter)}");
            }
        }

        foreach (var parameter in service.Parameters)
        {
            foreach (var other in parameter.Excludes)
            {
                if (given.Contains(parameter.Name) && given.Contains(other))
                {
                    // Each pair once, however many sides declare it.
                    if (!errors.Contains($"{other}: cannot be given together with {parameter.Name}"))
                    {
                        errors.Add($"{parameter.Name}: cannot be given together with {other}");
                    }
                }
                else if (given.Contains(parameter.Name) || given.Contains(other))
                {
                    // The one given wins over the other's default.
                    var dropped = given.Contains(parameter.Name) ? other : parameter.Name;
                    parameters.RemoveAll(p => p.Name == dropped);
                }
            }

            CheckBound(parameter, parameter.LessThan, parameters, errors, below: true);
            CheckBound(parameter, parameter.GreaterThan, parameters, errors, below: false);
        }
    }

    /// <summary>
    /// The relationships checked again when a PENDING job's parameters change: the stored values with the
    /// update laid over them. Refused: a parameter of the update that does not apply, two excluding parameters
    /// given together in the update, a bound that the new values cross.
    /// </summary>
    public static IReadOnlyList<string> CheckUpdate(ServiceDefinition service, IReadOnlyList<JobParameter> stored, BoundRequest update)
    {
        var updated = update.Parameters.Select(p => p.Name).Concat(update.Uploads.Select(u => u.Name)).ToHashSet(StringComparer.Ordinal);
        var merged = stored.Where(p => !updated.Contains(p.Name)).Concat(update.Parameters).ToList();
        var errors = new List<string>();
        foreach (var parameter in service.Parameters)
        {
            if (parameter.When.Count > 0 && updated.Contains(parameter.Name) && !Applies(parameter, merged))
            {
                errors.Add($"{parameter.Name}: applies only when {DescribeCondition(parameter)}");
            }

            foreach (var other in parameter.Excludes.Where(other => updated.Contains(parameter.Name) && updated.Contains(other)))
            {
                if (!errors.Contains($"{other}: cannot be given together with {parameter.Name}"))
                {
                    errors.Add($"{parameter.Name}: cannot be given together with {other}");
                }
            }

            CheckBound(parameter, parameter.LessThan, merged, errors, below: true);
            CheckBound(parameter, parameter.GreaterThan, merged, errors, below: false);
        }

        return errors;
    }

    /// <summary>Whether every condition of the parameter holds for the values bound so far.</summary>
    public static bool Applies(ParameterDefinition parameter, IReadOnlyList<JobParameter> parameters) =>
        parameter.When.All(condition => parameters.FirstOrDefault(p => p.Name == condition.Key) is { Values: [var value] }
            && condition.Value.Contains(value, StringComparer.Ordinal));

    public static string DescribeCondition(ParameterDefinition parameter) =>
        string.Join(" and ", parameter.When.Select(condition => condition.Value.Count == 1
            ? $"{condition.Key} is {condition.Value[0]}"
            : $"{condition.Key} is one of {string.Join(", ", condition.Value)}"));

    private static void CheckBound(ParameterDefinition parameter, string? otherName, List<JobParameter> parameters, List<string> errors, bool below)
    {
        if (otherName is null
            || parameters.FirstOrDefault(p => p.Name == parameter.Name) is not { Values: [var text] }
            || parameters.FirstOrDefault(p => p.Name == otherName) is not { Values: [var otherText] })
        {
            return;
        }

        var value = double.Parse(text, CultureInfo.InvariantCulture);
        var bound = double.Parse(otherText, CultureInfo.InvariantCulture);
        if (below ? value >= bound : value <= bound)
        {
            errors.Add($"{parameter.Name}: {text} must be {(below ? "less" : "greater")} than {otherName} ({otherText})");
        }
    }
}
