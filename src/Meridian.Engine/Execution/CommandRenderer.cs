// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;

namespace Meridian.Engine.Execution;

/// <summary>
/// Fills a service's command template with a job's values: uploads become absolute paths inside the job's folder,
/// and a record or a table handed over as a file is written into its inputs folder first.
/// </summary>
public static class CommandRenderer
{
    public static IReadOnlyList<string> Render(ServiceDefinition service, Job job, JobWorkspace workspace)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["service_dir"] = [service.ServiceDirectory],
            ["work_dir"] = [workspace.Work],
            ["job_id"] = [job.Id],
        };
        foreach (var parameter in job.Parameters)
        {
            if (parameter.Upload is { } upload)
            {
                values[parameter.Name] = [workspace.Resolve(upload.RelativePath) ?? throw new InvalidOperationException($"upload {upload.RelativePath} escapes the job folder")];
            }
            else
            {
                CommandValues.Add(values, service, parameter, definition => WriteDelivered(definition, parameter.Values[0], workspace));
            }
        }

        return service.Command.Render(values, CommandValues.Booleans(service));
    }

    /// <summary>
    /// Writes the file a structured value is handed over in, afresh at every start: the value may have changed
    /// while the job was PENDING. The name comes from the parameter, which the definition restricts to letters,
    /// digits and '_', so it stays in the inputs folder.
    /// </summary>
    private static string WriteDelivered(ParameterDefinition definition, string canonical, JobWorkspace workspace)
    {
        var relative = Path.Combine(JobWorkspace.InputsFolder, definition.Name + StructuredValue.FileExtension(definition.Delivery));
        var path = workspace.Resolve(relative) ?? throw new InvalidOperationException($"{relative} escapes the job folder");
        Directory.CreateDirectory(workspace.Inputs);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        StructuredValue.WriteFile(definition, canonical, file);
        return path;
    }
}
