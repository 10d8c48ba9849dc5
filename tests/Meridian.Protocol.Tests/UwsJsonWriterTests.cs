// SPDX-License-Identifier: MIT
using System.Text.Json;
using Xunit;
using static Meridian.Protocol.Tests.Documents;

namespace Meridian.Protocol.Tests;

public sealed class UwsJsonWriterTests
{
    private static JsonElement Job(JobSummary job) => Json(Write(s => UwsJsonWriter.WriteJob(s, job)));

    [Fact]
    public void WriteJob_WritesEveryFieldInCamelCase_WhenEveryFieldIsSet()
    {
        var json = Job(FullJob() with { ErrorSummary = new ErrorSummary(ErrorType.Fatal, "boom", true) });

        Assert.Equal(
            ["jobId", "runId", "ownerId", "phase", "quote", "creationTime", "startTime", "endTime", "executionDuration", "destruction", "parameters", "results", "errorSummary", "jobInfo"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("COMPLETED", json.GetProperty("phase").GetString());
        Assert.Equal("2030-01-02T03:04:05.006Z", json.GetProperty("creationTime").GetString());
        Assert.Equal(600, json.GetProperty("executionDuration").GetInt32());
        var parameter = json.GetProperty("parameters")[1];
        Assert.Equal(("catalog", "https://example.org/jobs/x/parameters/catalog", true),
            (parameter.GetProperty("id").GetString(), parameter.GetProperty("value").GetString(), parameter.GetProperty("byReference").GetBoolean()));
        var result = json.GetProperty("results")[0];
        Assert.Equal(("vis2", "https://example.org/jobs/x/results/vis2", 1234L, "text/csv"),
            (result.GetProperty("id").GetString(), result.GetProperty("href").GetString(), result.GetProperty("size").GetInt64(), result.GetProperty("mimeType").GetString()));
        var error = json.GetProperty("errorSummary");
        Assert.Equal(("fatal", true, "boom"), (error.GetProperty("type").GetString(), error.GetProperty("hasDetail").GetBoolean(), error.GetProperty("message").GetString()));
        var progress = json.GetProperty("jobInfo").GetProperty("progress");
        Assert.Equal((0.25, "step 1 of 4"), (progress.GetProperty("fraction").GetDouble(), progress.GetProperty("message").GetString()));
    }

    [Fact]
    public void WriteJob_WritesNulls_WhenOptionalValuesAreAbsent()
    {
        var json = Job(MinimalJob());

        foreach (var name in new[] { "runId", "ownerId", "quote", "startTime", "endTime", "destruction", "errorSummary" })
        {
            Assert.True(json.GetProperty(name).ValueKind == JsonValueKind.Null, $"{name} should be null");
        }

        Assert.Equal(0, json.GetProperty("parameters").GetArrayLength());
        Assert.Equal(0, json.GetProperty("results").GetArrayLength());
        Assert.False(json.TryGetProperty("jobInfo", out _), "jobInfo appears only when the job reports progress");
    }

    [Fact]
    public void WriteJobList_WritesAJobsArray_WhenJobsAreListed()
    {
        var json = Json(Write(s => UwsJsonWriter.WriteJobList(s, [new JobReference("id1", "https://example.org/jobs/id1", ExecutionPhase.QUEUED, null, "bob", Created)])));

        var job = Assert.Single(json.GetProperty("jobs").EnumerateArray());
        Assert.Equal(["id", "href", "phase", "runId", "ownerId", "creationTime"], job.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("id1", "QUEUED", JsonValueKind.Null, "bob", "2030-01-02T03:04:05.006Z"),
            (job.GetProperty("id").GetString(), job.GetProperty("phase").GetString(), job.GetProperty("runId").ValueKind, job.GetProperty("ownerId").GetString(), job.GetProperty("creationTime").GetString()));
    }

    [Fact]
    public void WriteResults_WritesNullSizeAndType_WhenTheyAreUnknown()
    {
        var json = Json(Write(s => UwsJsonWriter.WriteResults(s, FullJob().Results)));

        var stdout = json.GetProperty("results")[1];
        Assert.Equal(("stdout", JsonValueKind.Null, JsonValueKind.Null), (stdout.GetProperty("id").GetString(), stdout.GetProperty("size").ValueKind, stdout.GetProperty("mimeType").ValueKind));
    }

    [Fact]
    public void WriteParameters_WritesAParametersArray_WhenWrittenOnItsOwn()
    {
        var json = Json(Write(s => UwsJsonWriter.WriteParameters(s, [new ParameterValue("theta", "1.5 ✓ \"q\"")])));

        var parameter = Assert.Single(json.GetProperty("parameters").EnumerateArray());
        Assert.Equal(("theta", "1.5 ✓ \"q\"", false),
            (parameter.GetProperty("id").GetString(), parameter.GetProperty("value").GetString(), parameter.GetProperty("byReference").GetBoolean()));
    }
}
