// SPDX-License-Identifier: MIT
namespace Meridian.Engine.Jobs;

/// <summary>A result file of a job: RelativePath is relative to the job's directory and never leaves it.</summary>
public sealed record JobResult(string Id, string RelativePath, string MimeType, long Size);
