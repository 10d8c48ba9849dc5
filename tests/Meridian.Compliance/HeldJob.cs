// SPDX-License-Identifier: MIT
using Meridian.Engine.Execution;

namespace Meridian.Compliance;

/// <summary>A held job of the batch suite: its request, the file that releases it, and how it is to end.</summary>
public sealed record HeldJob(ExecutionRequest Request, string ReleaseFile, int ExitCode, string Stderr)
{
    public string JobId => Request.JobId;
}
