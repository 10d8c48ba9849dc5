// SPDX-License-Identifier: MIT
using System.Text;
using Meridian.Engine.Descriptions;
using Meridian.Engine.Execution;
using Meridian.Engine.Jobs;
using Meridian.Protocol;

namespace Meridian.Engine.Lifecycle;

/// <summary>What an execution's end means for the job: its final phase, error summary and results.</summary>
public static class JobOutcomes
{
    private const int StderrTailLines = 10;
    private const int StderrTailBytes = 4096;

    public static PhaseChange For(ExecutionEnding ending, Job job, ServiceDefinition service, JobWorkspace workspace, DateTimeOffset now)
    {
        var results = ResultCollector.Collect(service, workspace);
        var hasDetail = File.Exists(workspace.Stderr) && new FileInfo(workspace.Stderr).Length > 0;
        var (phase, error) = (ending.Stop, ending.Status.State) switch
        {
            (StopReason.Abort or StopReason.Superseded, _) => (ExecutionPhase.ABORTED, null),
            (StopReason.Timeout, _) => (ExecutionPhase.ABORTED, new ErrorSummary(ErrorType.Fatal,
                $"The job exceeded its execution duration of {job.ExecutionDuration} s and was stopped (its processes were killed).", hasDetail)),
            (StopReason.Shutdown, _) => (ExecutionPhase.ERROR, new ErrorSummary(ErrorType.Transient,
                "The server shut down while this job was executing, so it did not finish. Submit it again.", hasDetail)),
            _ when ending.Status.OutputFailure is { } lost => (ExecutionPhase.ERROR, new ErrorSummary(ErrorType.Transient,
                $"The job was stopped: {lost}. Submit it again once there is room.", hasDetail)),
            (_, ExecutionState.Succeeded) => (ExecutionPhase.COMPLETED, null),
            // A code whose failures are results (a log saying why) declares the exit codes that still complete the job.
            (null, ExecutionState.Failed) when ending.Status.ExitCode is { } code && service.SuccessExitCodes.Contains(code) => (ExecutionPhase.COMPLETED, null),
            _ when ending.StartError is { } startError => (ExecutionPhase.ERROR, new ErrorSummary(ErrorType.Fatal,
                $"The program could not be started: {startError}", false)),
            // A batch scheduler enforces the time limit itself, and may be told to cancel a job by someone else.
            (null, ExecutionState.TimedOut) => (ExecutionPhase.ABORTED, new ErrorSummary(ErrorType.Fatal,
                $"The job exceeded its execution duration of {job.ExecutionDuration} s and was stopped by the scheduler ({ending.Status.Message ?? "time limit"}).", hasDetail)),
            (null, ExecutionState.Cancelled) when ending.Status.Message is { } cancelled => (ExecutionPhase.ABORTED, new ErrorSummary(ErrorType.Fatal,
                $"The job was cancelled outside Meridian ({cancelled}).", hasDetail)),
            (_, ExecutionState.Failed or ExecutionState.Cancelled) => (ExecutionPhase.ERROR, new ErrorSummary(ErrorType.Fatal,
                Describe(ending.Status) + StderrTail(workspace.Stderr), hasDetail)),
            _ => (ExecutionPhase.ERROR, new ErrorSummary(ErrorType.Transient,
                $"Meridian lost track of the execution: {ending.Status.Message ?? ending.Status.State.ToString()}.", hasDetail)),
        };
        return new PhaseChange(phase, now) { Results = results, Error = error };
    }

    private static string Describe(ExecutionStatus status) => status.ExitCode switch
    {
        // The kernel reports death by signal N as 128 + N.
        > 128 and < 160 => $"The program was killed by signal {status.ExitCode - 128}.{Detail(status)}",
        { } code => $"The program exited with code {code}.{Detail(status)}",
        null => $"The program failed{(status.Message is null ? "" : ": " + status.Message)}.",
    };

    /// <summary>What the executor adds (a scheduler names the job's final state: FAILED, OUT_OF_MEMORY, NODE_FAIL…).</summary>
    private static string Detail(ExecutionStatus status) => status.Message is { } message ? $" ({message})" : "";

    /// <summary>The last lines of stderr, which is where a failing code says why.</summary>
    public static string StderrTail(string stderrPath)
    {
        if (!File.Exists(stderrPath))
        {
            return "";
        }

        using var stream = File.OpenRead(stderrPath);
        var start = Math.Max(0, stream.Length - StderrTailBytes);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToList();
        if (start > 0 && lines.Count > 0)
        {
            lines.RemoveAt(0); // Probably cut in the middle.
        }

        var tail = lines.TakeLast(StderrTailLines).ToList();
        return tail.Count == 0 ? "" : Environment.NewLine + "Last lines of stderr:" + Environment.NewLine + string.Join(Environment.NewLine, tail);
    }
}
