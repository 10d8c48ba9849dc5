// SPDX-License-Identifier: MIT
using System.Globalization;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Server.Api;

/// <summary>
/// UWS lets a server bring an execution duration or a destruction time back within its limits, and the job document
/// then simply holds the value it kept. So that a client is told, and not left to notice, the answer that created the
/// job also carries one Meridian-Adjusted header per value changed, saying what was asked, what was kept and why.
/// </summary>
public static class AdjustedValues
{
    public const string Header = "Meridian-Adjusted";

    public static void Report(HttpResponse response, ServiceDefinition definition, JobControl asked, Job job)
    {
        if (asked.ExecutionDuration is { } seconds && seconds != job.ExecutionDuration)
        {
            response.Headers.Append(Header, string.Create(CultureInfo.InvariantCulture,
                $"EXECUTIONDURATION {seconds} s was cut to {job.ExecutionDuration} s, the longest {definition.Name} allows"));
        }

        if (asked.Destruction is { } destruction && job.Destruction is { } kept && destruction > kept)
        {
            response.Headers.Append(Header,
                $"DESTRUCTION {UwsTime.Format(destruction)} was brought back to {UwsTime.Format(kept)}, the latest {definition.Name} allows");
        }
    }
}
