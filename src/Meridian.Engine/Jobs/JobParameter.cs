// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Jobs;

/// <summary>
/// A bound parameter: its values as canonical strings (one for a scalar, several for a list). An upload
/// keeps its file path relative to the job's directory and the name the client gave it.
/// </summary>
public sealed record JobParameter(string Name, IReadOnlyList<string> Values, UploadedInput? Upload = null)
{
    public static JobParameter Scalar(string name, string value) => new(name, [value]);
}

/// <summary>An uploaded file stored with the job: RelativePath is under the job's inputs folder.</summary>
public sealed record UploadedInput(string RelativePath, string FileName, long Size, string? ContentType);
