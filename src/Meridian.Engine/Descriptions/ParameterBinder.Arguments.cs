// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Jobs;

namespace Meridian.Engine.Descriptions;

/// <summary>
/// Linux's limits on a program's arguments, checked when a job is bound rather than found at exec time, where
/// the job could only end in ERROR ("Argument list too long"). Each value is checked against MaxArgumentBytes
/// as it is bound; here the rendered command is: an argument that joins several values (a list inside a longer
/// string, a value with literal text) and all arguments together (ARG_MAX, shared with the environment).
/// </summary>
public static partial class ParameterBinder
{
    // ARG_MAX is a quarter of the stack limit (2 MiB with the usual 8 MiB); the environment takes its share.
    public const int MaxCommandBytes = 1_500_000;

    // Uploads and the working directory become absolute paths inside the data directory, not known here.
    private static readonly string PlaceholderPath = "/" + new string('p', 255);

    private static void CheckArgumentSizes(ServiceDefinition service, IReadOnlyList<JobParameter> parameters, IReadOnlyList<FormUpload> files, List<string> errors)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["service_dir"] = [service.ServiceDirectory],
            ["work_dir"] = [PlaceholderPath],
            ["job_id"] = [new string('j', 22)],
        };
        foreach (var parameter in parameters)
        {
            CommandValues.Add(values, service, parameter, _ => PlaceholderPath);
        }

        foreach (var file in files)
        {
            values[file.Name] = [PlaceholderPath];
        }

        var total = 0L;
        foreach (var argument in service.Command.Render(values, CommandValues.Booleans(service)))
        {
            var bytes = Encoding.UTF8.GetByteCount(argument);
            total += bytes + 1;
            if (bytes > MaxArgumentBytes)
            {
                errors.Add($"{Culprit(parameters, argument)}: the value makes a program argument of {bytes} bytes, and Linux passes at most {MaxArgumentBytes} in one; send it as a file");
            }
        }

        if (total > MaxCommandBytes)
        {
            errors.Add($"the values make a command line of {total} bytes, more than the {MaxCommandBytes} this server passes to a program; send the largest as files");
        }
    }

    private static string Culprit(IReadOnlyList<JobParameter> parameters, string argument) =>
        parameters.Where(p => p.Values.Any(v => v.Length > 0 && argument.Contains(v, StringComparison.Ordinal)))
            .OrderByDescending(p => p.Values.Sum(v => v.Length)).Select(p => p.Name).FirstOrDefault() ?? "command";
}
