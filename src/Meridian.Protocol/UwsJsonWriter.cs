// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace Meridian.Protocol;

/// <summary>
/// The same resources as JSON for clients that ask for application/json: the names of the XML
/// elements in camelCase, times in UTC with Z, absent values as null.
/// </summary>
public static class UwsJsonWriter
{
    public static void WriteJob(Stream output, JobSummary job)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("jobId", job.JobId);
        json.WriteString("runId", job.RunId);
        json.WriteString("ownerId", job.OwnerId);
        json.WriteString("phase", job.Phase.ToWire());
        WriteTime(json, "quote", job.Quote);
        WriteTime(json, "creationTime", job.CreationTime);
        WriteTime(json, "startTime", job.StartTime);
        WriteTime(json, "endTime", job.EndTime);
        json.WriteNumber("executionDuration", job.ExecutionDuration);
        WriteTime(json, "destruction", job.Destruction);
        json.WritePropertyName("parameters");
        WriteParameterArray(json, job.Parameters);
        json.WritePropertyName("results");
        WriteResultArray(json, job.Results);
        if (job.ErrorSummary is { } error)
        {
            json.WriteStartObject("errorSummary");
            json.WriteString("type", error.Type == ErrorType.Fatal ? "fatal" : "transient");
            json.WriteBoolean("hasDetail", error.HasDetail);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("errorSummary");
        }

        if (job.Progress is { } progress)
        {
            json.WriteStartObject("jobInfo");
            json.WriteStartObject("progress");
            json.WriteNumber("fraction", progress.Fraction);
            json.WriteString("message", progress.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public static void WriteJobList(Stream output, IEnumerable<JobReference> jobs)
    {
        using var list = UwsJobListWriter.Json(output);
        list.Write(jobs);
    }

    public static void WriteResults(Stream output, IReadOnlyList<ResultReference> results)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("results");
        WriteResultArray(json, results);
        json.WriteEndObject();
    }

    public static void WriteParameters(Stream output, IReadOnlyList<ParameterValue> parameters)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WritePropertyName("parameters");
        WriteParameterArray(json, parameters);
        json.WriteEndObject();
    }

    private static void WriteParameterArray(Utf8JsonWriter json, IReadOnlyList<ParameterValue> parameters)
    {
        json.WriteStartArray();
        foreach (var parameter in parameters)
        {
            json.WriteStartObject();
            json.WriteString("id", parameter.Id);
            json.WriteString("value", parameter.Value);
            json.WriteBoolean("byReference", parameter.ByReference);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteResultArray(Utf8JsonWriter json, IReadOnlyList<ResultReference> results)
    {
        json.WriteStartArray();
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("id", result.Id);
            json.WriteString("href", result.Href);
            if (result.Size is { } size)
            {
                json.WriteNumber("size", size);
            }
            else
            {
                json.WriteNull("size");
            }

            json.WriteString("mimeType", result.MimeType);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            json.WriteString(name, UwsTime.Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
