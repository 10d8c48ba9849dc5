// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Meridian.Compliance;
using Meridian.Protocol;
using Xunit;

namespace Meridian.Protocol.Tests;

/// <summary>Sample resources and the means to write and check them.</summary>
internal static class Documents
{
    public static readonly XNamespace Uws = UwsXmlWriter.UwsNamespace;
    public static readonly XNamespace Xlink = UwsXmlWriter.XlinkNamespace;
    public static readonly XNamespace Xsi = UwsXmlWriter.XsiNamespace;
    public static readonly DateTimeOffset Created = new(2030, 1, 2, 3, 4, 5, 6, TimeSpan.Zero);

    /// <summary>The fewest fields a job can have: no owner, no times beyond creation, no parameters.</summary>
    public static JobSummary MinimalJob() => new()
    {
        JobId = "AAAAAAAAAAAAAAAAAAAAAA",
        Phase = ExecutionPhase.PENDING,
        CreationTime = Created,
        ExecutionDuration = 0,
    };

    public static JobSummary FullJob() => MinimalJob() with
    {
        RunId = "night-3",
        OwnerId = "CN=Alice, O=Observatory",
        Phase = ExecutionPhase.COMPLETED,
        Quote = Created.AddMinutes(5),
        StartTime = Created.AddSeconds(1),
        EndTime = Created.AddSeconds(61),
        ExecutionDuration = 600,
        Destruction = Created.AddDays(7),
        Parameters = [new ParameterValue("theta", "1.5"), new ParameterValue("catalog", "https://example.org/jobs/x/parameters/catalog", ByReference: true)],
        Results = [new ResultReference("vis2", "https://example.org/jobs/x/results/vis2", 1234, "text/csv"), new ResultReference("stdout", "https://example.org/jobs/x/results/stdout", null, null)],
        Progress = new JobProgress(0.25, "step 1 of 4"),
    };

    public static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    /// <summary>Validates the bytes against UWS 1.1 (failing with every problem found) and parses them.</summary>
    public static XDocument ValidUws(byte[] bytes)
    {
        var problems = SchemaFiles.ValidateUws(new MemoryStream(bytes));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(Encoding.UTF8.GetString(bytes))));
        return XDocument.Load(new MemoryStream(bytes));
    }

    public static JsonElement Json(byte[] bytes) => JsonDocument.Parse(bytes).RootElement.Clone();
}
