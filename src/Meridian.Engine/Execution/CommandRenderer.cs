// SPDX-License-Identifier: MIT
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;

namespace Meridian.Engine.Execution;

/// <summary>Fills a service's command template with a job's values: uploads become absolute paths inside the job's folder.</summary>
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
            values[parameter.Name] = parameter.Upload is { } upload
                ? [workspace.Resolve(upload.RelativePath) ?? throw new InvalidOperationException($"upload {upload.RelativePath} escapes the job folder")]
                : parameter.Values;
        }

        var booleans = service.Parameters.Where(p => p.ScalarType == ParameterType.Boolean && p.Type != ParameterType.List)
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return service.Command.Render(values, booleans);
    }
}
