// SPDX-License-Identifier: MIT
using System.Text.Json;
using System.Text.Json.Serialization;
using Meridian.Engine.Jobs;

namespace Meridian.Storage.Relational;

/// <summary>How relational stores keep a job's parameters and results: one JSON column each.</summary>
public static class StoredJson
{
    public static string Write(IReadOnlyList<JobParameter> parameters) =>
        JsonSerializer.Serialize(parameters, StoredJsonContext.Default.IReadOnlyListJobParameter);

    public static string Write(IReadOnlyList<JobResult> results) =>
        JsonSerializer.Serialize(results, StoredJsonContext.Default.IReadOnlyListJobResult);

    public static IReadOnlyList<JobParameter> ReadParameters(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.IReadOnlyListJobParameter) ?? [];

    public static IReadOnlyList<JobResult> ReadResults(string json) =>
        JsonSerializer.Deserialize(json, StoredJsonContext.Default.IReadOnlyListJobResult) ?? [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<JobParameter>))]
[JsonSerializable(typeof(IReadOnlyList<JobResult>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
